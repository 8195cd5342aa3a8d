using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Prices a run before starting it: the same AOI checks and grouping as Start-MapflowProcessing, each planned
/// processing priced by POST /processing/cost/v2 (free; nothing is created).
/// </summary>
[Cmdlet(VerbsCommon.Get, "MapflowProcessingCost", DefaultParameterSetName = ByAoi)]
[OutputType(typeof(ProcessingEstimate))]
public sealed class GetMapflowProcessingCostCommand : ProcessingPlanCmdlet
{
    protected override void EndProcessing()
    {
        var (session, _, _, model, plan) = PlanRun();
        if (plan.Count == 0) return;
        var costs = EstimateCosts(session, plan);
        foreach (var start in plan.Where(costs.ContainsKey))
        {
            WriteObject(new ProcessingEstimate
            {
                Name = start.Name,
                Model = model.Name,
                AoiCount = start.Aois.Count,
                PolygonCount = start.PolygonCount,
                AreaKm2 = start.AreaKm2,
                Credits = costs[start],
                AoiNames = start.Aois.Select(a => a.Name).ToArray(),
            });
        }
    }
}
