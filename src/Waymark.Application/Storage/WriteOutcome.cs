namespace Waymark.Application.Storage;

/// <summary>What a conditional write to a store did.</summary>
public enum WriteOutcome
{
    /// <summary>The write was stored.</summary>
    Done,

    /// <summary>The stored version differs from the expected one; nothing was written.</summary>
    VersionConflict,

    /// <summary>Another object in the workspace has the name; nothing was written.</summary>
    NameTaken,

    /// <summary>The object does not exist (or not in this workspace); nothing was written.</summary>
    NotFound,
}
