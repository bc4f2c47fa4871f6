using BenchmarkDotNet.Running;

// `editor [runs]`: the browser editor on a large map (see EditorBench); anything else goes to BenchmarkDotNet.
if (args is ["editor", ..])
{
    return await Waymark.Benchmarks.EditorBench.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7);
}

BenchmarkSwitcher.FromAssembly(typeof(Waymark.Benchmarks.AnalyzerBenchmarks).Assembly).Run(args);
return 0;
