namespace Tarantool.Agents.Phases.Deployment;

/// <summary>A value of the user's cloud account the backup identity needs and the bundle cannot know: written as a
/// capitalised placeholder, replaced as setup.md says.</summary>
/// <param name="Name">The placeholder as it appears in the manifest and the setup commands.</param>
/// <param name="Meaning">What it stands for, in English.</param>
/// <param name="MeaningRu">The same in Russian.</param>
/// <param name="LookUp">A command that prints the value.</param>
/// <param name="InManifest">True when deploy/kubernetes/backup-cronjob.yaml holds it (deploy.sh refuses it there);
/// false when only the setup commands use it.</param>
public sealed record BackupIdentityInput(string Name, string Meaning, string MeaningRu, string LookUp, bool InManifest);
