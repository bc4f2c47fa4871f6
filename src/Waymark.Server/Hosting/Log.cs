using Microsoft.Extensions.Logging;

namespace Waymark.Server.Hosting;

/// <summary>The server's log messages, with stable event ids; no personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Store: {Provider}; applied migrations: {Migrations}")]
    public static partial void Migrated(ILogger logger, string provider, string migrations);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Demo workspace created")]
    public static partial void DemoSeeded(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Bringing ingested events into the live index failed; it retries on the next tick")]
    public static partial void LiveIndexFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Evaluating alerts or posting webhooks failed; it retries on the next tick")]
    public static partial void AlertsFailed(ILogger logger, Exception exception);
}
