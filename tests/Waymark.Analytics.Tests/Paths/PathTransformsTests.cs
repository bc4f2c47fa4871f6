using Waymark.Analytics.Paths;

namespace Waymark.Analytics.Tests.Paths;

/// <summary>Snowplow's worked examples (dbt-snowplow-attribution, path_transformations) on [D, A, B, B, C, D, C, C].</summary>
public sealed class PathTransformsTests
{
    private static readonly string[] Path = ["D", "A", "B", "B", "C", "D", "C", "C"];

    [Fact]
    public void Exposure_CollapsesConsecutiveRepeats() => Assert.Equal(["D", "A", "B", "C", "D", "C"], PathTransforms.Exposure(Path));

    [Fact]
    public void First_KeepsFirstOccurrences() => Assert.Equal(["D", "A", "B", "C"], PathTransforms.First(Path));

    [Fact]
    public void Frequency_CountsInFirstOccurrenceOrder() => Assert.Equal([("D", 2), ("A", 1), ("B", 2), ("C", 3)], PathTransforms.Frequency(Path));

    [Fact]
    public void RemoveIfNotAll_RemovesTheItem() => Assert.Equal(["B"], PathTransforms.RemoveIfNotAll(["A", "B", "A", "A"], "A"));

    [Fact]
    public void RemoveIfNotAll_KeepsAPathOfOnlyThatItem() => Assert.Equal(["A", "A"], PathTransforms.RemoveIfNotAll(["A", "A"], "A"));

    [Fact]
    public void RemoveIfLastAndNotAll_RemovesTrailingItems() => Assert.Equal(["A", "B"], PathTransforms.RemoveIfLastAndNotAll(["A", "B", "A", "A"], "A"));

    [Fact]
    public void TrimLong_KeepsTheLastItems() => Assert.Equal(["D", "C", "C"], PathTransforms.TrimLong(Path, 3));

    [Fact]
    public void Unique_IsTheIdentity() => Assert.Equal(Path, PathTransforms.TrimLong(Path, 100));
}
