using Waymark.Analytics.Statistics;

namespace Waymark.Analytics.Segments;

/// <summary>The two-proportion z-test of a conversion difference between two segments.</summary>
/// <param name="RateA">Successes ÷ trials of segment A.</param>
/// <param name="RateB">Successes ÷ trials of segment B.</param>
/// <param name="Z">The z statistic with the pooled standard error; null when it is undefined (no trials, or a pooled rate of 0 or 1).</param>
/// <param name="PValue">The two-sided p-value; null when <paramref name="Z"/> is.</param>
public sealed record ProportionTest(double? RateA, double? RateB, double? Z, double? PValue)
{
    /// <summary>Tests whether segments A and B convert at different rates.</summary>
    public static ProportionTest Of(long successesA, long trialsA, long successesB, long trialsB)
    {
        if (successesA < 0 || successesB < 0 || successesA > trialsA || successesB > trialsB)
        {
            throw new ArgumentException("Successes are between 0 and the trials.");
        }

        double? rateA = trialsA == 0 ? null : (double)successesA / trialsA;
        double? rateB = trialsB == 0 ? null : (double)successesB / trialsB;
        if (rateA is null || rateB is null)
        {
            return new ProportionTest(rateA, rateB, null, null);
        }

        var pooled = (double)(successesA + successesB) / (trialsA + trialsB);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / trialsA) + (1.0 / trialsB)));
        if (standardError == 0)
        {
            return new ProportionTest(rateA, rateB, null, null);
        }

        var z = (rateA.Value - rateB.Value) / standardError;
        return new ProportionTest(rateA, rateB, z, 2 * (1 - Normal.Cdf(Math.Abs(z))));
    }
}
