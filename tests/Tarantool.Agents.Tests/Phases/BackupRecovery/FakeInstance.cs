namespace Tarantool.Agents.Tests.Phases.BackupRecovery;

/// <summary>
/// The files of a Tarantool instance (a checkpoint at signature 100, a vinyl run, xlogs before, after and still
/// open) and a stub <c>tt</c> that answers box.backup.start()/stop() and <c>tt cat</c> like the real one, so the
/// backup scripts can be exercised end to end without Tarantool.
/// </summary>
public sealed class FakeInstance
{
    private const string StubTt = """
        #!/usr/bin/env bash
        printf 'ARGS %s\n' "$*" >> "$STUB_LOG"
        if [[ "${1:-}" == "connect" ]]; then
          input="$(cat)"
          printf '%s\n' "$input" >> "$STUB_LOG"
          if [[ "$input" == *"box.backup.start"* ]]; then
            r="$STUB_ROOT"
            printf '{"@@FILE=%s/memtx/00000000000000000100.snap@@", "@@FILE=%s/vinyl/512/0/00000000000000000090.run@@", "@@MEMTX_DIR=%s/memtx@@", "@@WAL_DIR=%s/wal@@", "@@VINYL_DIR=%s/vinyl@@", "@@RO=true@@", "@@VERSION=3.7.0-0-g0000000@@"};\n' "$r" "$r" "$r" "$r" "$r"
          elif [[ "$input" == *"box.cfg.wal_dir"* ]]; then
            printf '"@@WAL_DIR=%s/wal@@";\n' "$STUB_ROOT"
          else
            printf '"@@STOPPED=1@@";\n'
          fi
        fi
        exit 0
        """;

    public FakeInstance(string root)
    {
        Root = Path.Combine(root, "instance");
        Log = Path.Combine(root, "tt.log");
        TtPath = Path.Combine(root, "fake-tt");
        Write(Path.Combine(Root, "memtx", "00000000000000000100.snap"), "SNAP\n0.13\nsnapshot rows");
        Write(Path.Combine(Root, "memtx", "00000000000000000040.snap"), "an older checkpoint");
        Write(Path.Combine(Root, "vinyl", "512", "0", "00000000000000000090.run"), "vinyl run");
        Write(Path.Combine(Root, "wal", "00000000000000000050.xlog"), "XLOG before checkpoint");
        Write(Path.Combine(Root, "wal", "00000000000000000100.xlog"), "XLOG after checkpoint");
        Write(Path.Combine(Root, "wal", "00000000000000000200.xlog"), "XLOG open");
        File.WriteAllText(TtPath, StubTt.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(TtPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Log, "");
    }

    public string Root { get; }

    public string Log { get; }

    public string TtPath { get; }

    /// <summary>A complete old backup in an instance's store prefix.</summary>
    public void OldBackup(string instanceStore, string id, string signature)
    {
        var dir = Path.Combine(instanceStore, "full", id);
        Write(Path.Combine(dir, "backup.info"), $"checkpoint_signature={signature}\n");
        Write(Path.Combine(dir, "manifest.sha256"), "");
    }

    /// <summary>An xlog already archived, with its checksum file.</summary>
    public void Archived(string instanceStore, string name)
    {
        var path = Path.Combine(instanceStore, "wal", name);
        Write(path, $"archived {name}");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        Write(path + ".sha256", $"{hash}  {name}\n");
    }

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
