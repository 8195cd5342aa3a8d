using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Mapflow.Client;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Deletes processings and their results (DELETE /processings/{id}), all the ones from the pipeline after one
/// confirmation that says how many go. Processings given by id are read first, so the confirmation names them and an
/// unknown id is an error before anything is deleted.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "MapflowProcessing", DefaultParameterSetName = ByObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Processing))]
public sealed class RemoveMapflowProcessingCommand : ProcessingInputCmdlet
{
    private const int AtOnce = 8;
    private readonly List<Processing> _processings = new();
    private readonly List<Guid> _ids = new();

    /// <summary>Deletes without asking, for scripts; -WhatIf still only tells.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes each processing once it is deleted.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        SetThrottle(AtOnce);
    }

    protected override void ProcessRecord()
    {
        if (ByIds) _ids.AddRange(Ids);
        else _processings.AddRange(InputObject);
    }

    protected override void EndProcessing()
    {
        var session = ResolveSession();
        _processings.AddRange(ReadAll(_ids.Distinct(), (id, cancel) => session.Client.GetProcessingAsync(id, cancel)));
        var doomed = _processings.GroupBy(p => p.Id).Select(g => g.First()).ToList();
        if (doomed.Count == 0) return;

        var target = doomed.Count == 1 ? $"'{doomed[0].Name}' ({doomed[0].Id})" : $"{doomed.Count} processings: {FirstFew(doomed, p => $"'{p.Name}'")}";
        if (!ShouldProcessUnlessForced(Force, target, $"Delete {doomed.Count} Mapflow processing(s) and their results, for good")) return;
        DeleteEach(doomed, (p, cancel) => session.Client.DeleteProcessingAsync(p.Id, cancel), p => $"Deleted processing '{p.Name}' ({p.Id}).", PassThru);
    }
}
