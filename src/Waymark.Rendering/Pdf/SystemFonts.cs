using PdfSharp.Fonts;

namespace Waymark.Rendering.Pdf;

/// <summary>Fonts for PDF export from the machine's own TrueType files (PDFsharp has none of its own off Windows):
/// DejaVu Sans, else Liberation Sans, in regular, bold, italic and bold italic. Any family asked for maps to it.</summary>
internal sealed class SystemFonts : IFontResolver
{
    private static readonly string[][] Families =
    [
        ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf"],
        ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-BoldItalic.ttf"],
        ["C:\\Windows\\Fonts\\arial.ttf", "C:\\Windows\\Fonts\\arialbd.ttf", "C:\\Windows\\Fonts\\ariali.ttf", "C:\\Windows\\Fonts\\arialbi.ttf"],
    ];

    private static readonly Lock Gate = new();
    private readonly string[] _faces;

    private SystemFonts(string[] faces) => _faces = faces;

    /// <summary>Installs the resolver for the process once; fails with what to install when no font is found.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not null)
            {
                return;
            }

            var faces = Families.FirstOrDefault(family => File.Exists(family[0]))
                ?? throw new InvalidOperationException("PDF export needs DejaVu Sans or Liberation Sans on this machine (Debian: apt-get install fonts-dejavu-core).");
            GlobalFontSettings.FontResolver = new SystemFonts(faces);
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new($"waymark-{(bold ? 1 : 0) + (italic ? 2 : 0)}");

    public byte[] GetFont(string faceName)
    {
        var index = faceName[^1] - '0';
        var path = File.Exists(_faces[index]) ? _faces[index] : _faces[0];
        return File.ReadAllBytes(path);
    }
}
