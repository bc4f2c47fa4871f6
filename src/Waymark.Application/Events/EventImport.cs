using Waymark.Application.Ingestion;

namespace Waymark.Application.Events;

/// <summary>One import of an event file into a workspace: what was read and what became of it.</summary>
public sealed record EventImport
{
    /// <summary>The import's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The workspace.</summary>
    public required WorkspaceId WorkspaceId { get; init; }

    /// <summary>The uploaded file's name, as the client gave it.</summary>
    public required string FileName { get; init; }

    /// <summary>csv, xes, xes.gz or ndjson.</summary>
    public required string Format { get; init; }

    /// <summary>running, succeeded or failed; a failed import stored nothing.</summary>
    public required string Status { get; init; }

    /// <summary>The uploaded file's size in bytes.</summary>
    public long BytesTotal { get; init; }

    /// <summary>Bytes of the file read so far (equal to the total once finished).</summary>
    public long BytesRead { get; init; }

    /// <summary>Rows or events read.</summary>
    public long Rows { get; init; }

    /// <summary>Events stored.</summary>
    public long Imported { get; init; }

    /// <summary>Events left out on purpose (the lifecycle filter, non-track calls).</summary>
    public long Filtered { get; init; }

    /// <summary>Events already stored under the same message id, not stored again.</summary>
    public long Duplicates { get; init; }

    /// <summary>Rows refused.</summary>
    public long BadRowCount { get; init; }

    /// <summary>The first refused rows, with line and reason.</summary>
    public IReadOnlyList<BadRow> BadRows { get; init; } = [];

    /// <summary>Why a failed import failed, with its stable code.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The failure, for a person.</summary>
    public string? Error { get; init; }

    /// <summary>When the import was made (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
