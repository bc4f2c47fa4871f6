using System.CommandLine;
using Waymark.Cli;

return await WaymarkCommands.Root().Parse(args).InvokeAsync();
