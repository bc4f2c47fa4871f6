namespace Waymark.Testing;

/// <summary>The real event logs in ../shared/data beside the repository (see its README).</summary>
public static class SharedData
{
    /// <summary>The full path of a file in the shared data folder; fails when the folder is missing.</summary>
    public static string File(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Waymark.slnx")))
            {
                var path = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", name));
                return System.IO.File.Exists(path) ? path : throw new FileNotFoundException($"The shared data file {path} is missing: the tests expect ../shared/data beside the repository.", path);
            }
        }

        throw new DirectoryNotFoundException("The repository root (Waymark.slnx) was not found above the test binaries.");
    }
}
