using Microsoft.AspNetCore.Http;

namespace Waymark.Server.Journeys;

/// <summary>Reads a raw request body up to a limit.</summary>
internal static class RequestBody
{
    public static async Task<Result<ReadOnlyMemory<byte>>> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0
            ? Error.Invalid("$", "Send the journey document as the request body.")
            : Result<ReadOnlyMemory<byte>>.Success(buffer.ToArray());
    }
}
