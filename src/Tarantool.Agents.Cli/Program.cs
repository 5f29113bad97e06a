using Tarantool.Agents.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels cleanly (checkpoints stay); a second one ends the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};
// SIGTERM (systemd, docker stop, Kubernetes) stops as cleanly as the first Ctrl+C: serve hands its running runs back
// to the queue with their checkpoints instead of dying mid-phase.
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
});
Console.OutputEncoding = System.Text.Encoding.UTF8;
return await CliApp.RunAsync(args, CliEnvironment.FromConsole(), cancellation.Token);
