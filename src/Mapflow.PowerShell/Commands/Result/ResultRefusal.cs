using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>Why a processing has no result to save or read yet, checked before any request for it.</summary>
internal static class ResultRefusal
{
    /// <summary>
    /// Null when it has one (OK, and not a rejected result reviewed again); else Result.NoResult when it ended without
    /// one (failed, cancelled, refunded), Result.NotReady when it is not final yet.
    /// </summary>
    public static ErrorRecord? Of(Processing processing, string purpose)
    {
        var what = $"Processing '{processing.Name}' ({processing.Id})";
        if (processing.Status == ProcessingStatus.Ok && processing.IsFinal) return null;
        if (processing.IsTerminal && processing.Status != ProcessingStatus.Ok)
        {
            var why = processing.Status == ProcessingStatus.Failed
                ? $"failed{(processing.Messages.Count > 0 ? ": " + processing.MessageSummary() : "")}"
                : $"ended as {processing.Status}";
            return ErrorRecords.Create("Result.NoResult", ErrorCategory.InvalidResult, processing, $"{what} {why}, so it has no result to {purpose}.");
        }
        var state = processing.IsTerminal
            ? $"has a result that a reviewer rejected ({ProcessingStatus.NotAccepted}); it is being reviewed again and may change"
            : $"is still {processing.Status}";
        return ErrorRecords.Create("Result.NotReady", ErrorCategory.InvalidOperation, processing,
            $"{what} {state}, so there is no result to {purpose} yet. Pipe it through Wait-MapflowProcessing first.");
    }
}
