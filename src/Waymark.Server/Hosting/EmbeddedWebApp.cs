using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Waymark.Server.Hosting;

/// <summary>The browser app, built from web/ into this assembly's resources (named <c>wwwroot/…</c>), served as static
/// files. Hashed bundles under <c>/assets/</c> are cached for a year; <c>index.html</c> is revalidated on every load and
/// answers every page route the app handles itself (<c>/w/…</c>, <c>/sign-in</c>), never an API route.</summary>
internal sealed class EmbeddedWebApp : IFileProvider
{
    private const string Prefix = "wwwroot/";
    private readonly Assembly _assembly;
    private readonly HashSet<string> _names;
    private readonly DateTimeOffset _built;

    public EmbeddedWebApp(Assembly assembly)
    {
        _assembly = assembly;
        _names = assembly.GetManifestResourceNames().Where(name => name.StartsWith(Prefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        _built = string.IsNullOrEmpty(assembly.Location) ? DateTimeOffset.UnixEpoch : File.GetLastWriteTimeUtc(assembly.Location);
    }

    /// <summary>Whether the app was built into this assembly (a build without Node.js would leave it out).</summary>
    public bool IsPresent => _names.Contains(Prefix + "index.html");

    public IFileInfo GetFileInfo(string subpath)
    {
        var name = Prefix + subpath.TrimStart('/');
        return _names.Contains(name) ? new ResourceFile(_assembly, name, _built) : new NotFoundFileInfo(subpath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public static void Use(WebApplication app)
    {
        var files = new EmbeddedWebApp(typeof(EmbeddedWebApp).Assembly);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache",
        });
        if (!files.IsPresent)
        {
            return;
        }

        // Page routes of the single-page app get index.html; anything that looks like a file or an API call does not.
        app.MapFallback("/{**path:nonfile}", async context =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || context.Request.Path.StartsWithSegments("/openapi", StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await using var index = files.GetFileInfo("index.html").CreateReadStream();
            await index.CopyToAsync(context.Response.Body, context.RequestAborted);
        }).AllowAnonymous();
    }

    private sealed class ResourceFile(Assembly assembly, string name, DateTimeOffset built) : IFileInfo
    {
        private readonly long _length = ReadLength(assembly, name);

        public bool Exists => true;

        public long Length => _length;

        public string? PhysicalPath => null;

        public string Name => name[(name.LastIndexOf('/') + 1)..];

        public DateTimeOffset LastModified => built;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => assembly.GetManifestResourceStream(name) ?? throw new FileNotFoundException(name);

        private static long ReadLength(Assembly assembly, string name)
        {
            using var stream = assembly.GetManifestResourceStream(name);
            return stream?.Length ?? 0;
        }
    }
}
