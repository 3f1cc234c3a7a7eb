using ArgoSecure.Rules;

namespace ArgoSecure.Enforcement;

/// <summary>
/// One check of the workflow-spec admission policy: a rule of the catalogue, the CEL expression that holds when a
/// Workflow, CronWorkflow, WorkflowTemplate or ClusterWorkflowTemplate keeps the hardened posture, and the message
/// a rejected author reads. Checks read the policy's variables (<see cref="PolicyVariables"/>), never
/// <c>object</c> directly, so every place a pod setting can hide is followed once for all of them.
/// </summary>
internal abstract class AdmissionCheck
{
    /// <summary>The rule the check enforces; an accepted risk of this rule removes the check.</summary>
    public abstract string RuleId { get; }

    /// <summary>
    /// The top-level workflow-spec fields the check reads besides those the variables read
    /// (<see cref="PolicyVariables.SpecFields"/>): an UPDATE that changes none of them is not judged again.
    /// </summary>
    public abstract IReadOnlyList<string> SpecFields { get; }

    /// <summary>True when the check belongs in a policy for this scope (a check can depend on what the install turns on).</summary>
    public virtual bool AppliesTo(EnforcementScope scope) => true;

    /// <summary>The CEL expression, true when the object keeps the posture.</summary>
    public abstract string Expression(EnforcementScope scope);

    /// <summary>What is refused and how to fix it (the rule ID and help link are added around it).</summary>
    public abstract string Problem(EnforcementScope scope);

    /// <summary>The denial message: the rule ID first, the help link last.</summary>
    public string Message(EnforcementScope scope) => $"{RuleId}: {Problem(scope)} See {RuleCatalog.GetHelpUri(RuleId)}";
}

/// <summary>What a policy knows about the place it guards.</summary>
internal sealed class EnforcementScope
{
    public EnforcementScope(string? @namespace, IReadOnlyList<string> allowedServiceAccounts, string executorServiceAccount, WorkflowFeatures? features = null)
    {
        Namespace = @namespace;
        AllowedServiceAccounts = allowedServiceAccounts;
        ExecutorServiceAccount = executorServiceAccount;
        Features = features ?? WorkflowFeatures.None;
    }

    /// <summary>The Argo features the install turns on for these workflows.</summary>
    public WorkflowFeatures Features { get; }

    /// <summary>The workflow service account (agent pods run as it).</summary>
    public string WorkflowServiceAccount => AllowedServiceAccounts[0];

    /// <summary>The workflow namespace; null for the ClusterWorkflowTemplates of a cluster install.</summary>
    public string? Namespace { get; }

    /// <summary>The service accounts workflow pods may run as (the workflow service account first).</summary>
    public IReadOnlyList<string> AllowedServiceAccounts { get; }

    /// <summary>The executor's service account (init and wait containers).</summary>
    public string ExecutorServiceAccount { get; }

    /// <summary>Where, for messages: <c>namespace 'team-a'</c> or <c>ClusterWorkflowTemplates</c>.</summary>
    public string Where => Namespace is null ? "ClusterWorkflowTemplates" : $"namespace '{Namespace}'";
}
