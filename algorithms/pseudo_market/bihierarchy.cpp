#include "pseudo_market/bihierarchy.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace equilab::pseudo_market {

BihierarchyCheck find_bihierarchy(const DecomposeInstance& in) {
  BihierarchyCheck out;
  const int nr = static_cast<int>(in.rows.size());
  for (int r = 0; r < nr; ++r)
    if (!in.rows[r].zero_one()) {
      out.weighted_row = r;
      for (const auto& [c, a] : in.rows[r].coef)
        if (a != 1) {
          out.reason = in.row_label(r) + " has the coefficient " + equilab::to_string(a) + " on " +
                       in.cell_label(c) + ", so it is not a set constraint (S, floor, ceiling)";
          break;
        }
      return out;
    }
  // |S ∩ T| for every pair of rows sharing a cell, counted cell by cell.
  std::vector<std::vector<int>> rows_of_cell(in.num_cells());
  for (int r = 0; r < nr; ++r)
    for (const auto& [c, a] : in.rows[r].coef) rows_of_cell[c].push_back(r);
  std::unordered_map<std::uint64_t, int> common;
  for (const auto& rs : rows_of_cell)
    for (std::size_t p = 0; p < rs.size(); ++p)
      for (std::size_t q = p + 1; q < rs.size(); ++q)
        ++common[static_cast<std::uint64_t>(rs[p]) << 32 | static_cast<std::uint32_t>(rs[q])];
  std::vector<std::vector<int>> crossing(nr);
  for (const auto& [key, k] : common) {
    const int s = static_cast<int>(key >> 32), t = static_cast<int>(key & 0xffffffffu);
    const int ns = static_cast<int>(in.rows[s].coef.size()), nt = static_cast<int>(in.rows[t].coef.size());
    if (k < ns && k < nt) {
      crossing[s].push_back(t);
      crossing[t].push_back(s);
    }
  }
  for (auto& adj : crossing) std::sort(adj.begin(), adj.end());  // deterministic search order
  // 2-colouring by breadth-first search; a same-colour edge closes an odd cycle.
  std::vector<int> colour(nr, -1), parent(nr, -1), depth(nr, 0);
  for (int start = 0; start < nr; ++start) {
    if (colour[start] >= 0 || in.rows[start].coef.empty()) continue;
    colour[start] = 0;
    std::deque<int> queue{start};
    while (!queue.empty()) {
      const int s = queue.front();
      queue.pop_front();
      for (int t : crossing[s]) {
        if (colour[t] < 0) {
          colour[t] = 1 - colour[s];
          parent[t] = s;
          depth[t] = depth[s] + 1;
          queue.push_back(t);
        } else if (colour[t] == colour[s]) {
          // the tree paths from s and t to their common ancestor plus the edge (s,t)
          std::vector<int> a{s}, b{t};
          int u = s, v = t;
          while (u != v) {
            if (depth[u] >= depth[v]) {
              u = parent[u];
              a.push_back(u);
            } else {
              v = parent[v];
              b.push_back(v);
            }
          }
          // a = s … ancestor and b = t … ancestor; the cycle is ancestor … s, t … (child of ancestor)
          b.pop_back();
          out.odd_cycle.assign(a.rbegin(), a.rend());
          out.odd_cycle.insert(out.odd_cycle.end(), b.begin(), b.end());
          out.reason = "the sets of";
          for (std::size_t k = 0; k < out.odd_cycle.size(); ++k)
            out.reason += std::string(k ? "," : "") + " " + in.row_label(out.odd_cycle[k]);
          out.reason +=
              " form an odd cycle, each crossing the next (and the last the first), so they cannot be split "
              "into two hierarchies";
          return out;
        }
      }
    }
  }
  out.ok = true;
  for (int r = 0; r < nr; ++r)
    if (!in.rows[r].coef.empty()) out.hierarchy[colour[r] < 0 ? 0 : colour[r]].push_back(r);
  return out;
}

}  // namespace equilab::pseudo_market
