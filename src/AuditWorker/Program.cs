using TokenGovernance.AuditWorker.Cli;

return await TokenGovernanceCli.RunAsync(args);
