import { BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineElement, PointElement, RadialLinearScale, Tooltip } from 'chart.js'

/** Registered once: only the pieces the app draws (tree-shaken build). */
Chart.register(RadialLinearScale, CategoryScale, LinearScale, PointElement, LineElement, BarElement, Filler, Tooltip, Legend)

Chart.defaults.locale = 'fr-FR'
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
Chart.defaults.color = '#25262b'
// Animations make screenshots and prints show half-drawn charts.
Chart.defaults.animation = false
