using System.Globalization;
using Waymark.Application.Ingestion;

namespace Waymark.Application.Tests.Ingestion;

public sealed class TimestampsTests
{
    [Theory]
    [InlineData("2010-12-30 14:32:00+01:00")]
    [InlineData("2010-12-30T14:32:00.000+01:00")]
    [InlineData("2011-10-11 13:45:40.276000+02:00")]
    [InlineData("2012-10-09T14:51:01+00:00")]
    [InlineData("2026-02-21T23:21:51.364Z")]
    [InlineData("2026-02-21T23:21:51.3Z")]
    [InlineData("2026-01-01 10:00:00")]
    [InlineData("2026-01-01T10:00:00-0530")]
    [InlineData("2024-02-29T23:59:59.999-12:00")]
    [InlineData("12/30/2010 14:32:00")]
    public void Parse_AgreesWithTheFrameworkParser(string text)
    {
        var expected = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeMilliseconds();

        Assert.Equal(expected, Timestamps.Parse(text));
    }

    [Theory]
    [InlineData("2026-02-30T10:00:00Z")]
    [InlineData("2026-13-01T10:00:00Z")]
    [InlineData("2026-01-01T25:00:00Z")]
    [InlineData("yesterday")]
    [InlineData("2026-01-01T10:00:00+")]
    [InlineData("")]
    public void Parse_NotATimestamp_IsNull(string text) => Assert.Null(Timestamps.Parse(text));
}
