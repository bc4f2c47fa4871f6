using System.Diagnostics;
using System.Text;
using PdfSharp.Pdf.IO;
using Waymark.Application.Demo;
using Waymark.Application.Generation;
using Waymark.Domain.Ids;
using Waymark.Rendering.Pdf;

namespace Waymark.Rendering.Tests;

public sealed class JourneyPdfTests
{
    [Fact]
    public void Render_LargeMap_IsTiledAcrossLandscapePages()
    {
        var (journey, personas) = SampleMaps.Large(WorkspaceId.New(), DateTimeOffset.UnixEpoch);

        var a3 = PdfReader.Open(new MemoryStream(JourneyPdf.Render(journey, personas.ToDictionary(p => p.Id, p => p.Name))), PdfDocumentOpenMode.Import);
        var a4 = PdfReader.Open(new MemoryStream(JourneyPdf.Render(journey, personas.ToDictionary(p => p.Id, p => p.Name), PdfPaper.A4)), PdfDocumentOpenMode.Import);

        Assert.True(a3.PageCount >= 2, $"{a3.PageCount} pages");
        Assert.True(a4.PageCount > a3.PageCount, $"A4 {a4.PageCount} pages, A3 {a3.PageCount}");
        Assert.Equal((1190.55, 841.89), (Math.Round(a3.Pages[0].Width.Point, 2), Math.Round(a3.Pages[0].Height.Point, 2)));
    }

    [Theory]
    [InlineData("<img src=x onerror=\"alert(1)\">", "<img")]
    [InlineData("</text><script>app.alert(1)</script>", "</text><script>")]
    public void Render_CardTextWithMarkup_IsPlainTextAndThePdfHasNoScript(string payload, string visible)
    {
        var (journey, personas) = DemoJourney.Create(WorkspaceId.New(), DateTimeOffset.UnixEpoch);
        var card = journey.Cards.First(candidate => candidate.Text.Length > 0);
        journey = journey with { Cards = journey.Cards.Select(other => other.Id == card.Id ? other with { Text = payload } : other).ToList() };

        var pdf = JourneyPdf.Render(journey, personas.ToDictionary(p => p.Id, p => p.Name));
        var raw = Encoding.Latin1.GetString(pdf);

        foreach (var action in new[] { "/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/URI" })
        {
            Assert.DoesNotContain(action, raw, StringComparison.Ordinal);
        }

        // The text as a PDF reader extracts it (poppler's pdftotext; ./test.sh installs poppler-utils).
        var path = Path.Combine(Path.GetTempPath(), $"waymark-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", ["-layout", path, "-"]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            Assert.Contains(visible, text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
