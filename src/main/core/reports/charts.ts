/**
 * The app's charts drawn in the main process for the PDF reports: chart.js renders into a Skia SVG canvas
 * (@napi-rs/canvas), text kept as text in Roboto, so the chart stays vector — crisp at any print size — and looks the same
 * on every PC. The configurations are the very ones the screens use (src/shared/charts).
 */
import { createCanvas, GlobalFonts, SvgExportFlag, type SKRSContext2D } from '@napi-rs/canvas'
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  type ChartConfiguration,
} from 'chart.js'
import { FONT_FILES } from './pdf'

let registered = false
function register(): void {
  if (registered) return
  Chart.register(
    BarController,
    LineController,
    RadarController,
    RadialLinearScale,
    CategoryScale,
    LinearScale,
    PointElement,
    LineElement,
    BarElement,
    Filler,
    Legend,
  )
  GlobalFonts.registerFromPath(FONT_FILES.normal, 'Roboto')
  Chart.defaults.font.family = 'Roboto'
  Chart.defaults.font.size = 12
  Chart.defaults.color = '#25262b'
  Chart.defaults.locale = 'fr-FR'
  registered = true
}

/** Roboto has no narrow no-break space (fr-FR thousands separator): draw a no-break space instead. */
function withPrintableText(context: SKRSContext2D): SKRSContext2D {
  const fillText = context.fillText.bind(context)
  const measureText = context.measureText.bind(context)
  context.fillText = (text: string, x: number, y: number, maxWidth?: number) => fillText(text.replace(/\u202f/g, '\u00a0'), x, y, maxWidth)
  context.measureText = (text: string) => measureText(text.replace(/\u202f/g, '\u00a0'))
  return context
}

/**
 * Skia writes one <text> per word, each glyph placed (x="10, 17.2, 24.1, "), with an empty <text> for each space.
 * The PDF writer pays for every element, so the words of one drawn label are joined back into one element placed at
 * its first glyph: the same font (Roboto) lays the words out the same way. Labels drawn separately on the same line
 * (axis ticks) have no space element between them and stay apart.
 */
export function compactText(svg: string): string {
  const placed = svg.replace(/ x="([-\d.]+)[^"]*" y="([-\d.]+)[^"]*"/g, ' x="$1" y="$2"')
  const word = /<text ([^>]*?) x="([-\d.]+)" y="([-\d.]+)">([^<]*)<\/text><text [^>]*x="" y=""><\/text><text \1 x="[-\d.]+" y="\3">([^<]*)<\/text>/g
  let joined = placed
  for (let previous = ''; previous !== joined;) {
    previous = joined
    joined = joined.replace(word, '<text $1 x="$2" y="$3">$4 $5</text>')
  }
  return joined.replace(/<text [^>]*x="" y=""><\/text>/g, '')
}

/**
 * chart.js clips each dataset to the chart area; every scale here fits its data (fixed 0–100 % or computed from the
 * values), so nothing is drawn outside and the clips only cost: the PDF writer turns each into a group of its own.
 */
export function withoutClips(svg: string): string {
  return svg.replace(/<clipPath[^>]*>.*?<\/clipPath>/g, '').replace(/ clip-path="[^"]*"/g, '')
}

export interface ChartSvg {
  svg: string
  /** The printed size, in PDF points. */
  width: number
  height: number
}

/** Canvas pixels per printed point: with 12 px text, chart labels print at about 8.5 pt. */
const PIXELS_PER_POINT = 1.4

/** Draws one chart for a printed size in points and returns its SVG markup. */
export function chartSvg(config: ChartConfiguration<never, never, never> | ChartConfiguration, width: number, height: number): ChartSvg {
  register()
  const pixelWidth = Math.round(width * PIXELS_PER_POINT)
  const pixelHeight = Math.round(height * PIXELS_PER_POINT)
  const canvas = createCanvas(pixelWidth, pixelHeight, SvgExportFlag.NoPrettyXML)
  const context = withPrintableText(canvas.getContext('2d'))
  const base = config as ChartConfiguration
  const chart = new Chart(
    context as unknown as CanvasRenderingContext2D,
    {
      ...base,
      options: {
        ...base.options,
        responsive: false,
        animation: false,
        devicePixelRatio: 1,
        plugins: { ...base.options?.plugins, tooltip: { enabled: false } },
      },
    } as ChartConfiguration,
  )
  chart.draw()
  // Sized in points with a viewBox in pixels, so that the PDF scales the drawing instead of cropping it.
  const svg = withoutClips(
    compactText(
      canvas
        .getContent()
        .toString('utf8')
        .replace(`width="${pixelWidth}" height="${pixelHeight}"`, `width="${width}" height="${height}" viewBox="0 0 ${pixelWidth} ${pixelHeight}"`),
    ),
  )
  chart.destroy()
  return { svg, width, height }
}
