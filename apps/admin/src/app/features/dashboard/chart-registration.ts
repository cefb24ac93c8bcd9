import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { provideCharts } from 'ng2-charts';

/**
 * Only the Chart.js pieces the dashboard draws (bar, line, doughnut, their scales, legend and
 * tooltip), so the rest of Chart.js is tree-shaken out of the lazy dashboard chunk.
 */
export const provideDashboardCharts = () =>
  provideCharts({
    registerables: [BarController, BarElement, LineController, LineElement, PointElement, Filler, DoughnutController, ArcElement, CategoryScale, LinearScale, Legend, Tooltip],
  });
