using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// A reviewer's decision on results: only with the account's review workflow on (/user/status reviewWorkflowEnabled,
/// read once per command before the first request), and only of a result waiting for review (IN_REVIEW), as QGIS checks.
/// </summary>
public abstract class ProcessingReviewCmdlet : ProcessingChangeCmdlet
{
    protected override ErrorRecord? Refusal(Processing processing) => processing.Status == ProcessingStatus.Ok && processing.IsInReview
        ? null
        : ErrorRecords.Create("Processing.NotInReview", ErrorCategory.InvalidOperation, processing,
            $"Processing '{processing.Name}' ({processing.Id}) has status {processing.Status}" +
            (processing.ReviewStatus?.Status is { } review ? $" and review status {review}" : " and no review status") +
            $"; only an OK result waiting for review ({ProcessingStatus.InReview}) can be approved or denied.");

    protected override void Prepare(MapflowSession session)
    {
        Account account = null!;
        Run(async cancel => account = await session.GetAccountAsync(refresh: true, cancel).ConfigureAwait(false));
        if (!account.ReviewWorkflowEnabled)
        {
            ThrowTerminatingError(ErrorRecords.Create("Review.NotEnabled", ErrorCategory.InvalidOperation, session.Email,
                $"The account {session.Email} does not review results (its reviewWorkflowEnabled is false), so there is nothing to approve or deny."));
        }
    }
}
