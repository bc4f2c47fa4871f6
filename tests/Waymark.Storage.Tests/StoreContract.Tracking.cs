using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Application.Storage;
using Waymark.Application.Tracking;
using Waymark.Domain.Ids;

namespace Waymark.Storage.Tests;

/// <summary>The tracking store's contract: group commits, deduplication, identities, failed messages, write keys.</summary>
public abstract partial class StoreContract
{
    private static readonly DateTimeOffset Received = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private ITrackingStore Tracking => Services.GetRequiredService<ITrackingStore>();

    private static TrackingBatch Batch(string messages, TrackingKind kind = TrackingKind.Events) =>
        TrackingBatchReader.Read(Encoding.UTF8.GetBytes($"{{\"batch\":[{messages}]}}"), kind, Received).Value;

    private static string Track(string id, string? user, string? anonymous, string name, int minute) =>
        $"{{\"type\":\"track\",\"messageId\":\"{id}\",{(user is null ? "" : $"\"userId\":\"{user}\",")}{(anonymous is null ? "" : $"\"anonymousId\":\"{anonymous}\",")}" +
        $"\"event\":\"{name}\",\"timestamp\":\"2026-11-20T10:{minute:00}:00Z\"}}";

    private async Task<List<(string Customer, string Activity)>> StoredAsync(WorkspaceId workspace)
    {
        var events = new List<(string, string)>();
        await Services.GetRequiredService<IEventStore>().ReadAsync(workspace, 0, item => events.Add((item.Customer, item.Activity)), (_, _) => { }, default);
        return events;
    }

    [Fact]
    public async Task Tracking_GroupCommit_StoresEachWorkspacesBatches_AndClassifiesRepeats()
    {
        var first = await NewWorkspaceAsync();
        var second = await NewWorkspaceAsync();
        var messages = string.Join(",", Track("m1", "ann", null, "Visited", 0), Track("m2", "ann", null, "Bought", 5), "{\"type\":\"track\",\"messageId\":\"m3\",\"event\":\"Lost\"}");

        var commits = await Tracking.CommitAsync([(first, Batch(messages)), (second, Batch(messages)), (first, Batch($"{Track("m1", "ann", null, "Visited", 0)},{Track("m2", "ann", null, "Refunded", 9)}"))], default);

        Assert.Equal([(2, 0, 0), (2, 0, 0), (0, 1, 1)], commits.Select(commit => (commit.Stored, commit.Duplicates, commit.Conflicts)));
        Assert.Equal([2L, 2L, 2L], commits.Select(commit => commit.LastSequence));
        Assert.Equal([("ann", "Visited"), ("ann", "Bought")], await StoredAsync(first));
        var failed = Assert.Single(await Tracking.ListFailedAsync(first, 10, default));
        Assert.Equal(("m3", "message.missing-customer", TrackingKind.Events), (failed.MessageId, failed.Code, failed.Kind));
        Assert.Equal(failed, await Tracking.GetFailedAsync(first, failed.Id, default));
        Assert.Null(await Tracking.GetFailedAsync(second, failed.Id, default));
        var conflict = Assert.Single(await Tracking.ListConflictsAsync(first, 10, default));
        Assert.Contains("Refunded", conflict.Payload, StringComparison.Ordinal);
        Assert.Empty(await Tracking.ListConflictsAsync(second, 10, default));

        await Tracking.CommitAsync([(first, Batch(messages))], default);
        Assert.Single(await Tracking.ListFailedAsync(first, 10, default));
    }

    [Fact]
    public async Task Tracking_Identify_MovesTheAnonymousIdsEventsAndAnswers_AndMergesTraits()
    {
        var workspace = await NewWorkspaceAsync();
        await Tracking.CommitAsync([(workspace, Batch(Track("a1", null, "anon", "Browsed", 0)))], default);
        await Tracking.CommitAsync([(workspace, Batch("{\"messageId\":\"r1\",\"anonymousId\":\"anon\",\"touchpoint\":\"Search\",\"metric\":\"ces\",\"score\":6}", TrackingKind.Answers))], default);
        await Tracking.CommitAsync([(workspace, Batch("{\"type\":\"identify\",\"userId\":\"bea\",\"traits\":{\"plan\":\"free\",\"city\":\"Oslo\"}}"))], default);

        var identified = (await Tracking.CommitAsync([(workspace, Batch("{\"type\":\"identify\",\"userId\":\"bea\",\"anonymousId\":\"anon\",\"traits\":{\"plan\":\"pro\"}}," + Track("a2", null, "anon", "Signed Up", 3)))], default)).Single();
        var relinkAgain = (await Tracking.CommitAsync([(workspace, Batch("{\"type\":\"identify\",\"userId\":\"other\",\"anonymousId\":\"anon\"}," + Track("a3", null, "anon", "Returned", 4)))], default)).Single();

        Assert.Equal(1, identified.Relinked);
        Assert.Equal(new Dictionary<string, string> { ["plan"] = "pro", ["city"] = "Oslo" }, identified.Customers["bea"]);
        Assert.Equal("bea", identified.Events.Single().Customer);
        Assert.Equal(0, relinkAgain.Relinked); // the first link stands
        Assert.Equal([("bea", "Browsed"), ("bea", "Signed Up"), ("bea", "Returned")], await StoredAsync(workspace));
        Assert.Equal("bea", Assert.Single(await Services.GetRequiredService<ISurveyResponseStore>().ListAsync(workspace, default)).Customer);
    }

    [Fact]
    public async Task Tracking_Answers_AreDeduplicatedByMessageId()
    {
        var workspace = await NewWorkspaceAsync();
        var answer = "{\"messageId\":\"r1\",\"userId\":\"cy\",\"stage\":\"Purchase\",\"metric\":\"nps\",\"score\":9,\"comment\":\"Fine\"}";

        var commits = await Tracking.CommitAsync([(workspace, Batch(answer, TrackingKind.Answers)), (workspace, Batch(answer, TrackingKind.Answers)),
            (workspace, Batch(answer.Replace("9", "3", StringComparison.Ordinal), TrackingKind.Answers))], default);

        Assert.Equal([(1, 0, 0), (0, 1, 0), (0, 0, 1)], commits.Select(commit => (commit.Stored, commit.Duplicates, commit.Conflicts)));
        Assert.Equal(9, Assert.Single(await Services.GetRequiredService<ISurveyResponseStore>().ListAsync(workspace, default)).Score);
    }

    [Fact]
    public async Task WriteKeys_FindListRevokeTouch_InTheirWorkspace()
    {
        var keys = Services.GetRequiredService<IWriteKeyStore>();
        var workspace = await NewWorkspaceAsync();
        var other = await NewWorkspaceAsync();
        var creator = UserId.New();
        var key = new WriteKey(WriteKeyId.New(), workspace, "Site", new string('a', 64), "wmw_abcdef…", creator, Received, null, null);
        await keys.InsertAsync(key, default);

        Assert.Equal(key, await keys.FindAsync(key.Hash, default));
        Assert.Equal([key], await keys.ListAsync(workspace, default));
        Assert.Empty(await keys.ListAsync(other, default));
        Assert.Equal(WriteOutcome.NotFound, await keys.RevokeAsync(other, key.Id, Received, default));
        await keys.TouchAsync(workspace, key.Id, Received.AddMinutes(1), default);
        Assert.Equal(WriteOutcome.Done, await keys.RevokeAsync(workspace, key.Id, Received.AddMinutes(2), default));
        Assert.Equal(key with { RevokedAt = Received.AddMinutes(2), LastUsedAt = Received.AddMinutes(1) }, await keys.FindAsync(key.Hash, default));
    }
}
