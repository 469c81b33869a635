/**
 * A small orders log whose RFM segments a reader can check by hand (k = 3 gives 20, 10 and 3
 * customers): 10 customers ordering 100 every 6 days in late 2024, 20 who ordered 20 once in
 * January, and 3 who ordered 5,000 forty times.
 *
 *   segmentOrders(tableFromCells(threeGroupOrders()), { k: 3, seed: 1 })
 */
export function threeGroupOrders(): (string | number)[][] {
  const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  const cells: (string | number)[][] = [['Customer', 'Order date', 'Amount']];
  for (let c = 1; c <= 10; c++)
    for (let o = 0; o < 10; o++) cells.push([`loyal${c}`, day(300 + o * 6 + c), 100]);
  for (let c = 1; c <= 20; c++) cells.push([`once${c}`, day(10 + c), 20]);
  for (let c = 1; c <= 3; c++)
    for (let o = 0; o < 40; o++) cells.push([`big${c}`, day(200 + o * 4 + c), 5000]);
  return cells;
}
