/** Export menus' words (under `deals.export`). */
export const exportEn = {
  button: 'Export',
  csv: 'CSV (opens in Excel, UTF-8)',
  xlsx: 'Excel workbook (.xlsx)',
  hint: 'The list as filtered now',
  activities: 'Activities of this project',
  activitiesCsv: 'Activities, CSV',
  activitiesXlsx: 'Activities, Excel',
} as const;
