namespace Waymark.Testing;

/// <summary>The real event logs in ../shared/data beside the repository (see its README).</summary>
public static class SharedData
{
    /// <summary>The full path of a file in the shared data folder (WAYMARK_SHARED_DATA, else ../shared/data beside
    /// the repository); fails when it is missing, because a skipped oracle test would prove nothing.</summary>
    public static string File(string name)
    {
        if (Environment.GetEnvironmentVariable("WAYMARK_SHARED_DATA") is { Length: > 0 } folder)
        {
            var configured = Path.Combine(folder, name);
            return System.IO.File.Exists(configured) ? configured : throw new FileNotFoundException($"{configured} is missing (WAYMARK_SHARED_DATA is set).", configured);
        }

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

    /// <summary>The repository's root folder (the one holding Waymark.slnx).</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Waymark.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Waymark.slnx) was not found above the test binaries.");
    }
}
