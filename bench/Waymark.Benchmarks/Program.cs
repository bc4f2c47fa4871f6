using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Waymark.Benchmarks.AnalyzerBenchmarks).Assembly).Run(args);
