using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// The AOIs of processings as Mapflow keeps them (GET /processings/{id}/aois): status, progress, area and geometry of
/// each, in no documented order. Each carries its ProcessingId, which Wait-, Save- and Get-MapflowResult bind, and
/// its AoiId, which Get-MapflowResult -AoiId binds.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MapflowAoi", DefaultParameterSetName = ByObject)]
[OutputType(typeof(ProcessingAoi))]
public sealed class GetMapflowAoiCommand : ProcessingInputCmdlet
{
    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        foreach (var (id, target) in ByIds ? Array.ConvertAll(Ids, i => (i, (object)i)) : Array.ConvertAll(InputObject, p => (p.Id, (object)p)))
        {
            Run(async cancel =>
            {
                try
                {
                    foreach (var aoi in await session.Client.GetProcessingAoisAsync(id, cancel).ConfigureAwait(false)) QueueObject(aoi);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    QueueFailure(e, target);
                }
            });
        }
    }
}
