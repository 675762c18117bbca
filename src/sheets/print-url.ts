/**
 * The one place the Framework tab's print address is built: the PDF export of one tab, A4
 * landscape, fit to width, without gridlines, names or page numbers. The server sends it with
 * getPrintInfo; the sidebar builds it from the ids with this same function when only those came.
 */
export function printUrl(spreadsheetId: string, sheetId: number): string {
  return (
    `https://docs.google.com/spreadsheets/d/${spreadsheetId}/export?format=pdf&gid=${sheetId}` +
    '&size=A4&portrait=false&fitw=true&gridlines=false&sheetnames=false&printtitle=false&pagenumbers=false'
  );
}
