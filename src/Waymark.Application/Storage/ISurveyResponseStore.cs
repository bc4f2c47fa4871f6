using Waymark.Application.Evidence;

namespace Waymark.Application.Storage;

/// <summary>Stores each workspace's survey answers durably, in arrival order.</summary>
public interface ISurveyResponseStore
{
    /// <summary>Appends answers in one transaction: all or none. Returns how many were stored.</summary>
    Task<long> AppendAsync(WorkspaceId workspaceId, IReadOnlyList<SurveyResponse> responses, CancellationToken cancellationToken);

    /// <summary>The workspace's answers, in arrival order.</summary>
    Task<IReadOnlyList<SurveyResponse>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken);
}
