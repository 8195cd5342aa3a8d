# A headless Chromium for the report's browser test. On a fresh Debian machine it is installed here, as the
# test harness's own step, when the test runs as root and apt-get is there; anywhere else a missing browser
# is an error that says what to install, never a skipped test.
function Get-HeadlessChromium {
    foreach ($name in 'chromium-headless-shell', 'chromium', 'google-chrome', 'chrome') {
        $found = Get-Command $name -CommandType Application -ErrorAction Ignore | Select-Object -First 1
        if ($found) { return $found.Source }
    }
    $root = $IsLinux -and (& id -u) -eq '0'
    if (-not ($root -and (Get-Command apt-get -ErrorAction Ignore))) {
        throw 'No headless Chromium found: install chromium-headless-shell (Debian), chromium or Google Chrome.'
    }
    $env:DEBIAN_FRONTEND = 'noninteractive'
    $log = & apt-get update -qq 2>&1
    # The emoji font draws model names such as "🏠 Buildings" in the demo's screenshot.
    $log += & apt-get install -y -qq --no-install-recommends chromium-headless-shell fonts-noto-color-emoji 2>&1
    $installed = Get-Command chromium-headless-shell -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if (-not $installed) { throw "apt-get could not install chromium-headless-shell:`n$($log -join "`n")" }
    $installed.Source
}

# Runs the browser on a page and returns its stdout (the DOM with -DumpDom) and the page's console lines.
function Invoke-HeadlessChromium {
    param([Parameter(Mandatory)] [string] $Browser, [Parameter(Mandatory)] [string] $Page, [string] $Screenshot, [switch] $DumpDom,
        [string] $WindowSize = '1280,1600')
    $arguments = @('--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run', '--disable-extensions',
        "--user-data-dir=$(Join-Path ([IO.Path]::GetTempPath()) "chromium-$([guid]::NewGuid())")",
        '--enable-logging=stderr', '--v=0', "--window-size=$WindowSize")
    if ($Screenshot) { $arguments += "--screenshot=$Screenshot" }
    if ($DumpDom) { $arguments += '--dump-dom' }
    $arguments += [uri]::new((Resolve-Path -LiteralPath $Page).Path, [UriKind]::Absolute).AbsoluteUri
    $psi = [System.Diagnostics.ProcessStartInfo]::new($Browser)
    foreach ($a in $arguments) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $out = $process.StandardOutput.ReadToEndAsync()
    $err = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit(120000)) { $process.Kill(); throw 'The browser did not finish in 120 s.' }
    [pscustomobject]@{
        ExitCode = $process.ExitCode
        Dom      = $out.Result
        Console  = @($err.Result -split "`n" | Where-Object { $_ -match ':CONSOLE' })
        Log      = $err.Result
    }
}

# Counts the pixels of a PNG near each colour given (#rrggbb), inside the box of pixels of exactly -Within's colour.
function Measure-PngColour {
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Within, [Parameter(Mandatory)] [string[]] $Colour,
        [int] $Tolerance = 24)
    if (-not ('SkiaSharp.SKBitmap' -as [type])) {
        $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
        $folder = Join-Path ([IO.Path]::GetTempPath()) 'mapflow-skia-4.155.0'
        New-Item -ItemType Directory -Force $folder | Out-Null
        # The managed and the native library side by side, so the native one is found without a runtime folder.
        Copy-Item (Join-Path $packages 'skiasharp/4.155.0/lib/net10.0/SkiaSharp.dll'),
            (Join-Path $packages 'skiasharp.nativeassets.linux.nodependencies/4.155.0/runtimes/linux-x64/native/libSkiaSharp.so') $folder -Force
        Add-Type -Path (Join-Path $folder 'SkiaSharp.dll')
    }
    $bitmap = [SkiaSharp.SKBitmap]::Decode($Path)
    try {
        $pixels = $bitmap.Pixels
        $width = $bitmap.Width
        $box = [SkiaSharp.SKColor]::Parse($Within)
        $minX = $width; $minY = $bitmap.Height; $maxX = -1; $maxY = -1
        for ($i = 0; $i -lt $pixels.Length; $i += 1) {
            if ($pixels[$i] -eq $box) {
                $x = $i % $width; $y = [math]::Floor($i / $width)
                if ($x -lt $minX) { $minX = $x }; if ($x -gt $maxX) { $maxX = $x }
                if ($y -lt $minY) { $minY = $y }; if ($y -gt $maxY) { $maxY = $y }
            }
        }
        $counts = [ordered]@{}
        foreach ($c in $Colour) { $counts[$c] = 0 }
        $targets = $Colour | ForEach-Object { [SkiaSharp.SKColor]::Parse($_) }
        for ($y = $minY; $y -le $maxY; $y++) {
            for ($x = $minX; $x -le $maxX; $x++) {
                $p = $pixels[$y * $width + $x]
                if ($p -eq $box) { continue }
                for ($k = 0; $k -lt $targets.Count; $k++) {
                    $t = $targets[$k]
                    if ([math]::Abs($p.Red - $t.Red) + [math]::Abs($p.Green - $t.Green) + [math]::Abs($p.Blue - $t.Blue) -le $Tolerance) { $counts[$Colour[$k]]++ }
                }
            }
        }
        [pscustomobject]@{ Box = if ($maxX -ge 0) { @($minX, $minY, $maxX, $maxY) } else { $null }; Counts = $counts }
    }
    finally {
        $bitmap.Dispose()
    }
}
