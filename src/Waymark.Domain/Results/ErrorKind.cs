namespace Waymark.Domain.Results;

/// <summary>What kind of failure an <see cref="Error"/> is; the server maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The input breaks a rule (400).</summary>
    Validation,

    /// <summary>The object does not exist, or the caller may not know it does (404).</summary>
    NotFound,

    /// <summary>The object changed since the caller read it, or a unique name is taken (409).</summary>
    Conflict,

    /// <summary>The caller is known but its role does not allow the action (403).</summary>
    Forbidden,

    /// <summary>The caller is not signed in, or its credentials are wrong (401).</summary>
    Unauthorized,

    /// <summary>The caller must wait before trying again (429).</summary>
    TooManyRequests,

    /// <summary>The request is larger than the endpoint accepts (413).</summary>
    TooLarge,

    /// <summary>The request's media type or encoding is not one the endpoint reads (415).</summary>
    UnsupportedMediaType,

    /// <summary>The server cannot take the request now (its store is down or its queue full); retry later (503).</summary>
    Unavailable,
}
