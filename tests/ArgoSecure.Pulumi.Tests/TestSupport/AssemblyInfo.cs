// Pulumi's test engine keeps the deployment in global state: tests must run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
