namespace Waymark.Analytics.Statistics;

/// <summary>The standard normal distribution.</summary>
public static class Normal
{
    /// <summary>P(Z ≤ <paramref name="z"/>). Absolute error below 1.5e-7 (Abramowitz and Stegun 7.1.26 on the error function).</summary>
    public static double Cdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var polynomial = ((((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t) - 0.284496736) * t) + 0.254829592) * t;
        var erf = 1 - (polynomial * Math.Exp(-x * x));
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /// <summary>The two-sided 95% critical value of Student's t with <paramref name="degreesOfFreedom"/> (exact to 3 decimals for 1–30; 1.96 beyond).</summary>
    public static double StudentT95(int degreesOfFreedom)
    {
        double[] table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042];
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return degreesOfFreedom <= table.Length ? table[degreesOfFreedom - 1] : 1.96;
    }
}
