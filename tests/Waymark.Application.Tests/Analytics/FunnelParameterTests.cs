using Waymark.Analytics.Funnels;
using Waymark.Application.Analytics;

namespace Waymark.Application.Tests.Analytics;

public sealed class FunnelParameterTests
{
    [Theory]
    [InlineData("x:1:2", "x", 0, 1)]
    [InlineData("page:checkout:2:3", "page:checkout", 1, 2)]
    public void Exclusion_ReadsStepsFromTheRight(string text, string activity, int fromStep, int toStep) =>
        Assert.Equal(new FunnelExclusion(activity, fromStep, toStep), FunnelExclusions.Parse(text, 3));

    [Theory]
    [InlineData("x:2:1")]
    [InlineData("x:0:2")]
    [InlineData("x:1:4")]
    [InlineData("x:1")]
    [InlineData(":1:2")]
    [InlineData("x:one:2")]
    [InlineData("x:-1:2")]
    public void Exclusion_Malformed_IsNull(string text) => Assert.Null(FunnelExclusions.Parse(text, 3));

    [Theory]
    [InlineData("14d", 14 * 24 * 60)]
    [InlineData("30m", 30)]
    [InlineData("1.5h", 90)]
    public void Durations_ParseUnits(string text, double minutes) => Assert.Equal(TimeSpan.FromMinutes(minutes), Durations.Parse(text));

    [Theory]
    [InlineData("14")]
    [InlineData("0d")]
    [InlineData("-3h")]
    [InlineData("3w")]
    [InlineData("")]
    public void Durations_Malformed_IsNull(string text) => Assert.Null(Durations.Parse(text));
}
