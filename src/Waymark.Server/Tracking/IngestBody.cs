using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Waymark.Application.Tracking;

namespace Waymark.Server.Tracking;

/// <summary>Reads an ingestion request's body: JSON (or text/plain, which browsers send without a preflight),
/// optionally gzipped, within the wire and decompressed limits.</summary>
internal static class IngestBody
{
    public static Error? MediaTypeProblem(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            || (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return new Error("ingest.unsupported-media-type", "Send the batch as application/json (or text/plain) in UTF-8.", ErrorKind.UnsupportedMediaType);
        }

        var encoding = request.Headers.ContentEncoding.ToString();
        return encoding is "" or "identity" || encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase)
            ? null
            : new Error("ingest.unsupported-encoding", "The body may be sent as is or gzip-compressed (Content-Encoding: gzip).", ErrorKind.UnsupportedMediaType);
    }

    public static async Task<Result<byte[]>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var wire = await ReadLimitedAsync(request.Body, TrackingLimits.MaxRequestBytes, cancellationToken);
        if (wire is null)
        {
            return new Error("request.too-large", $"The request body is larger than the {TrackingLimits.MaxRequestBytes} bytes a batch may be; split it.", ErrorKind.TooLarge);
        }

        if (!request.Headers.ContentEncoding.ToString().Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            return wire;
        }

        try
        {
            await using var gzip = new GZipStream(new MemoryStream(wire), CompressionMode.Decompress);
            return await ReadLimitedAsync(gzip, TrackingLimits.MaxDecompressedBytes, cancellationToken) is { } inflated
                ? inflated
                : new Error("ingest.too-large-decompressed", $"The body inflates to more than {TrackingLimits.MaxDecompressedBytes} bytes; a batch may not.", ErrorKind.TooLarge);
        }
        catch (InvalidDataException)
        {
            return new Error("ingest.malformed-gzip", "The body is marked gzip but is not valid gzip data.", ErrorKind.Validation);
        }
    }

    /// <summary>The stream's bytes, or null as soon as they exceed <paramref name="limit"/> (nothing more is read).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
