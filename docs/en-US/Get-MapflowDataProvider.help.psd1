@{
    Synopsis    = 'Gets the imagery providers the Mapflow account may use, with their zoom levels and prices.'
    Description = @'
Get-MapflowDataProvider writes the imagery providers of the account (from GET /user/status, read once per session): the names that -DataProvider of Start-MapflowProcessing and Get-MapflowProcessingCost take, their display names, the zoom levels each is priced at, the credits per km² at each, and the smallest area a provider accepts, when Mapflow states one.

With -Name it writes only the providers whose name or display name matches, ignoring case; wildcards are allowed. A plain name that matches no provider gives a non-terminating Mapflow.NotFound error that lists the available ones.
'@
    Parameters  = @{
        Name    = 'Names or display names of providers, with wildcards; tab completion offers the account''s providers.'
        Session = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
        First   = 'Gets only this many providers, after those that -Skip leaves out.'
        Skip    = 'Leaves out this many providers first.'
        IncludeTotalCount = 'Writes, after the providers, how many matched in all (ignoring -First and -Skip), as an object whose Accuracy is 1.0.'
    }
    Outputs     = 'One object per provider, with Name, DisplayName, Price (zoom and credits per km²) and MinAreaSqKm.'
    Examples    = @(
        @{
            Title   = 'List the providers and their zoom levels'
            Code    = 'Get-MapflowDataProvider'
            Remarks = 'One row per provider: Name, DisplayName, the zoom levels it is priced at, the credits per km² at each, and its smallest area.'
        }
        @{
            Title   = 'Check a provider before a run'
            Code    = @'
$provider = Get-MapflowDataProvider -Name Mapbox -ErrorAction Stop
Import-MapflowAoi places.geojson | Start-MapflowProcessing -Model Buildings -DataProvider $provider.Name
'@
            Remarks = 'An account without Mapbox stops at the first line with Mapflow.NotFound, before anything is read or started.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowAccount'
        'Start-MapflowProcessing'
    )
}
