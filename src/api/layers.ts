import type { LayerName } from '../core/layers.js';
import type { LayerQuery, LayerRow, Store } from '../store/store.js';

const PAGE = 5000;

/** Every row of a (row-per-item, not packed) layer that matches, page by page: the store caps one page. */
export function allLayerRows<L extends LayerName>(store: Store, layer: L, query: LayerQuery = {}): Array<LayerRow<L>> {
  const rows: Array<LayerRow<L>> = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = store.layerRows(layer, { ...query, limit: PAGE, offset });
    rows.push(...page);
    if (page.length < PAGE) return rows;
  }
}
