using Microsoft.Extensions.DependencyInjection;
using Waymark.Application.Accounts;
using Waymark.Application.Events;
using Waymark.Application.Storage;
using Waymark.Application.Workspaces;
using Waymark.Domain.Ids;
using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;
using Waymark.Testing;

namespace Waymark.Storage.Tests;

/// <summary>The storage contract: every provider must pass these against a real database.</summary>
public abstract partial class StoreContract : IAsyncLifetime
{
    private ServiceProvider? _services;

    protected abstract void AddStorage(IServiceCollection services);

    private IServiceProvider Services => _services!;

    private IJourneyStore Journeys => Services.GetRequiredService<IJourneyStore>();

    private IWorkspaceObjectStore<Persona> Personas => Services.GetRequiredService<IWorkspaceObjectStore<Persona>>();

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeClock());
        AddStorage(services);
        _services = services.BuildServiceProvider();
        await Services.GetRequiredService<IMigrator>().MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _services!.DisposeAsync();

    private async Task<WorkspaceId> NewWorkspaceAsync()
    {
        var user = new User { Id = UserId.New(), Email = $"{Guid.NewGuid():N}@example.com", DisplayName = "Owner", PasswordHash = "x", CreatedAt = new FakeClock().GetUtcNow() };
        var workspace = new Workspace(WorkspaceId.New(), "Team", user.CreatedAt);
        Assert.True(await Services.GetRequiredService<IAccountStore>().CreateUserAsync(user, workspace, default));
        return workspace.Id;
    }

    private static Journey NewJourney(WorkspaceId workspaceId, string name = "Checkout") =>
        new() { Id = JourneyId.New(), WorkspaceId = workspaceId, Name = name, Tags = ["web"], Stages = [new Stage { Id = StageId.New(), Name = "Aware" }] };

    [Fact]
    public async Task Migrate_SecondRun_AppliesNothing() =>
        Assert.Empty(await Services.GetRequiredService<IMigrator>().MigrateAsync(default));

    [Fact]
    public async Task Journey_InsertThenGet_RoundTripsTheAggregate()
    {
        var workspace = await NewWorkspaceAsync();
        var journey = NewJourney(workspace);

        await Journeys.InsertAsync(journey, [], default);
        var stored = await Journeys.GetAsync(workspace, journey.Id, default);

        Assert.NotNull(stored);
        Assert.Equal(journey.Name, stored.Name);
        Assert.Equal(journey.Stages.Single().Id, stored.Stages.Single().Id);
    }

    [Fact]
    public async Task Journey_FromAnotherWorkspace_IsInvisible()
    {
        var (mine, theirs) = (await NewWorkspaceAsync(), await NewWorkspaceAsync());
        var journey = NewJourney(theirs);
        await Journeys.InsertAsync(journey, [], default);

        Assert.Null(await Journeys.GetAsync(mine, journey.Id, default));
        Assert.Empty(await Journeys.ListAsync(mine, new JourneyFilter(), default));
        Assert.Equal(WriteOutcome.NotFound, await Journeys.DeleteAsync(mine, journey.Id, default));
        Assert.Equal(WriteOutcome.NotFound, await Journeys.UpdateAsync(journey with { WorkspaceId = mine, Version = 2 }, 1, default));
    }

    [Fact]
    public async Task Journey_UpdateWithStaleVersion_IsConflictAndKeepsStoredRow()
    {
        var workspace = await NewWorkspaceAsync();
        var journey = NewJourney(workspace);
        await Journeys.InsertAsync(journey, [], default);
        Assert.Equal(WriteOutcome.Done, await Journeys.UpdateAsync(journey with { Name = "First writer", Version = 2 }, 1, default));

        var outcome = await Journeys.UpdateAsync(journey with { Name = "Second writer", Version = 2 }, 1, default);

        Assert.Equal(WriteOutcome.VersionConflict, outcome);
        Assert.Equal("First writer", (await Journeys.GetAsync(workspace, journey.Id, default))!.Name);
    }

    [Fact]
    public async Task Journey_ListFilters_ByStatusTagAndSearch()
    {
        var workspace = await NewWorkspaceAsync();
        await Journeys.InsertAsync(NewJourney(workspace, "Online checkout"), [], default);
        await Journeys.InsertAsync(NewJourney(workspace, "Store visit") with { Tags = ["store"] }, [], default);
        await Journeys.InsertAsync(NewJourney(workspace, "Old one") with { Status = JourneyStatus.Archived }, [], default);

        Assert.Equal(2, (await Journeys.ListAsync(workspace, new JourneyFilter(), default)).Count);
        Assert.Equal("Store visit", (await Journeys.ListAsync(workspace, new JourneyFilter(Tag: "STORE"), default)).Single().Name);
        Assert.Equal("Online checkout", (await Journeys.ListAsync(workspace, new JourneyFilter(Search: "checkout"), default)).Single().Name);
        Assert.Equal("Old one", (await Journeys.ListAsync(workspace, new JourneyFilter(Status: JourneyStatus.Archived), default)).Single().Name);
    }

    [Fact]
    public async Task Persona_NameTakenInAnyCase_IsRefused()
    {
        var workspace = await NewWorkspaceAsync();
        Assert.Equal(WriteOutcome.Done, await Personas.InsertAsync(new Persona { Id = PersonaId.New(), WorkspaceId = workspace, Name = "Maya" }, default));

        Assert.Equal(WriteOutcome.NameTaken, await Personas.InsertAsync(new Persona { Id = PersonaId.New(), WorkspaceId = workspace, Name = " MAYA " }, default));
        Assert.Single(await Personas.ListAsync(workspace, default));
    }

    [Fact]
    public async Task Persona_SameNameInAnotherWorkspace_IsAllowed()
    {
        var (first, second) = (await NewWorkspaceAsync(), await NewWorkspaceAsync());
        await Personas.InsertAsync(new Persona { Id = PersonaId.New(), WorkspaceId = first, Name = "Maya" }, default);

        Assert.Equal(WriteOutcome.Done, await Personas.InsertAsync(new Persona { Id = PersonaId.New(), WorkspaceId = second, Name = "Maya" }, default));
    }

    [Fact]
    public async Task JourneyInsertWithPersonas_PersonaNameTaken_WritesNothing()
    {
        var workspace = await NewWorkspaceAsync();
        await Personas.InsertAsync(new Persona { Id = PersonaId.New(), WorkspaceId = workspace, Name = "Maya" }, default);
        var journey = NewJourney(workspace);

        var outcome = await Journeys.InsertAsync(journey, [new Persona { Id = PersonaId.New(), WorkspaceId = workspace, Name = "Tom" }, new Persona { Id = PersonaId.New(), WorkspaceId = workspace, Name = "maya" }], default);

        Assert.Equal(WriteOutcome.NameTaken, outcome);
        Assert.Null(await Journeys.GetAsync(workspace, journey.Id, default));
        Assert.Equal(["Maya"], (await Personas.ListAsync(workspace, default)).Select(persona => persona.Name));
    }

    [Fact]
    public async Task CreateUser_EmailTaken_ReturnsFalse()
    {
        var accounts = Services.GetRequiredService<IAccountStore>();
        var user = new User { Id = UserId.New(), Email = $"{Guid.NewGuid():N}@example.com", DisplayName = "A", PasswordHash = "x" };
        Assert.True(await accounts.CreateUserAsync(user, null, default));

        Assert.False(await accounts.CreateUserAsync(user with { Id = UserId.New() }, null, default));
    }

    [Fact]
    public async Task CreateUser_WithPendingInvitation_BecomesMemberWithInvitedRole()
    {
        var workspace = await NewWorkspaceAsync();
        var workspaces = Services.GetRequiredService<IWorkspaceStore>();
        var email = $"{Guid.NewGuid():N}@example.com";
        await workspaces.SetInvitationAsync(new Invitation(workspace, email, WorkspaceRole.Editor, default), default);
        var user = new User { Id = UserId.New(), Email = email, DisplayName = "Invited", PasswordHash = "x" };

        await Services.GetRequiredService<IAccountStore>().CreateUserAsync(user, null, default);

        Assert.Equal(WorkspaceRole.Editor, await workspaces.GetRoleAsync(workspace, user.Id, default));
        Assert.Empty(await workspaces.ListInvitationsAsync(workspace, default));
    }

    [Fact]
    public async Task Events_AppendThenRead_KeepSourceOrder_AndSkipKnownMessageIds()
    {
        var workspace = await NewWorkspaceAsync();
        var events = Services.GetRequiredService<IEventStore>();
        RecordedEvent[] batch = [new("c1", "b", 2000, "web", "m1"), new("c1", "a", 1000, null, null), new("c2", "a", 1500, "app", "m2")];

        var first = await events.AppendAsync(workspace, Guid.NewGuid(), batch, new Dictionary<string, IReadOnlyDictionary<string, string>> { ["c1"] = new Dictionary<string, string> { ["plan"] = "pro" } }, default);
        var second = await events.AppendAsync(workspace, Guid.NewGuid(), [batch[0], new RecordedEvent("c3", "z", 9000, null, "m3")], new Dictionary<string, IReadOnlyDictionary<string, string>>(), default);
        var read = new List<RecordedEvent>();
        var customers = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        await events.ReadAsync(workspace, 0, read.Add, (customer, properties) => customers[customer] = properties, default);

        Assert.Equal((3L, 1L), (first, second));
        Assert.Equal([.. batch, new RecordedEvent("c3", "z", 9000, null, "m3")], read);
        Assert.Equal("pro", customers["c1"]["plan"]);
        var other = new List<RecordedEvent>();
        await events.ReadAsync(await NewWorkspaceAsync(), 0, other.Add, (_, _) => { }, default);
        Assert.Empty(other);
        var after = new List<RecordedEvent>();
        var last = await events.ReadAsync(workspace, 3, after.Add, (_, _) => { }, default);
        Assert.Equal([new RecordedEvent("c3", "z", 9000, null, "m3")], after);
        Assert.Equal(5, last); // the duplicate skipped in the second append used sequence 4
    }

    [Fact]
    public async Task Events_KeepTheirProperties()
    {
        var workspace = await NewWorkspaceAsync();
        var events = Services.GetRequiredService<IEventStore>();
        KeyValuePair<string, string>[] properties = [new("device", "mobile"), new("org:resource", "Ann \"the\" <agent>"), new("empty", "")];

        await events.AppendAsync(workspace, Guid.NewGuid(), [new RecordedEvent("c1", "a", 1000, null, null, properties), new RecordedEvent("c1", "b", 2000, null, null)], new Dictionary<string, IReadOnlyDictionary<string, string>>(), default);
        var read = new List<RecordedEvent>();
        await events.ReadAsync(workspace, 0, read.Add, (_, _) => { }, default);

        Assert.Equal(properties.OrderBy(p => p.Key, StringComparer.Ordinal), read[0].Properties!.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Null(read[1].Properties);
    }

    [Fact]
    public async Task SurveyResponses_AppendThenList_InArrivalOrder_PerWorkspace()
    {
        var workspace = await NewWorkspaceAsync();
        var store = Services.GetRequiredService<ISurveyResponseStore>();
        var at = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        Application.Evidence.SurveyResponse[] first = [new("c1", "Checkout", Analytics.Surveys.SurveyMetric.Csat, 2, "Slow \"3-D\" check; <b>", at), new("c2", "Purchase", Analytics.Surveys.SurveyMetric.Nps, 10, null, at.AddMinutes(1))];

        var stored = await store.AppendAsync(workspace, first, default);
        await store.AppendAsync(workspace, [new("c3", "Delivery", Analytics.Surveys.SurveyMetric.Ces, 7, null, at.AddDays(1))], default);

        Assert.Equal(2, stored);
        Assert.Equal([.. first, new("c3", "Delivery", Analytics.Surveys.SurveyMetric.Ces, 7, null, at.AddDays(1))], await store.ListAsync(workspace, default));
        Assert.Empty(await store.ListAsync(await NewWorkspaceAsync(), default));
    }

    [Fact]
    public async Task ApiToken_FoundByHashOnly()
    {
        var accounts = Services.GetRequiredService<IAccountStore>();
        var user = new User { Id = UserId.New(), Email = $"{Guid.NewGuid():N}@example.com", DisplayName = "A", PasswordHash = "x" };
        await accounts.CreateUserAsync(user, null, default);
        var token = new ApiToken(ApiTokenId.New(), user.Id, "cli", ApiTokens.Hash("wmk_secret"), default, null);

        await accounts.InsertTokenAsync(token, default);

        Assert.Equal(token.Id, (await accounts.FindTokenAsync(ApiTokens.Hash("wmk_secret"), default))?.Id);
        Assert.Null(await accounts.FindTokenAsync("wmk_secret", default));
    }
}
