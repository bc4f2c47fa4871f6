using BenchmarkDotNet.Attributes;
using Waymark.Application.Generation;
using Waymark.Domain.Ids;
using Waymark.Domain.Journeys;
using Waymark.Rendering.Maps;

namespace Waymark.Benchmarks;

/// <summary>The server's SVG of a large map: 8 stages × 40 touchpoints × 12 lanes, 480 cards.</summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private Journey _journey = null!;
    private Dictionary<PersonaId, string> _names = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (journey, personas) = SampleMaps.Large(WorkspaceId.New(), DateTimeOffset.UnixEpoch);
        _journey = journey;
        _names = personas.ToDictionary(persona => persona.Id, persona => persona.Name);
    }

    [Benchmark]
    public string Svg() => JourneySvg.Render(_journey, _names);

    [Benchmark]
    public MapLayout Layout() => MapLayout.Of(_journey);
}
