/**
 * Charts as PNG from run summaries, and how they reach Slack (signed links or uploads).
 */
export { CHART_LINK_TTL_SECONDS, CHART_PATH, chartLink, chartRoutes, readChartLink } from './chart-links';
export { type ChartSpec, type ChartSvg, chartSvg } from './charts';
export { type ChartDelivery, type ChartImage, linkedCharts, uploadedCharts } from './delivery';
export { type ChartPng, renderChartPng } from './render-png';
