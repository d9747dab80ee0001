#include "generators/pseudo_market_generator.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "core/random.h"

namespace equilab::gen {

using namespace pseudo_market;

namespace {

std::string object_name(int l, int m) {
  if (m <= 26) return std::string(1, static_cast<char>('a' + l));
  return "o" + std::to_string(l + 1);
}

template <class T>
void shuffle(std::vector<T>& v, Random& rng) {
  for (int k = static_cast<int>(v.size()) - 1; k > 0; --k) std::swap(v[k], v[rng.uniform_int(0, k)]);
}

std::vector<int> random_subset(int n, int min_size, int max_size, Random& rng) {
  std::vector<int> all(n);
  for (int k = 0; k < n; ++k) all[k] = k;
  shuffle(all, rng);
  const int size = static_cast<int>(rng.uniform_int(std::min(min_size, n), std::min(max_size, n)));
  all.resize(size);
  std::sort(all.begin(), all.end());
  return all;
}

UserConstraint selection(std::string name, std::optional<std::vector<int>> agents,
                         std::optional<std::vector<int>> objects, Integer ceiling) {
  UserConstraint c;
  c.name = std::move(name);
  c.agents = std::move(agents);
  c.objects = std::move(objects);
  c.ceiling = std::move(ceiling);
  return c;
}

// Partition of 0..n−1 into `parts` contiguous non-empty blocks.
std::vector<std::vector<int>> blocks(int n, int parts, Random& rng) {
  std::vector<int> cuts;
  std::vector<int> candidates;
  for (int k = 1; k < n; ++k) candidates.push_back(k);
  shuffle(candidates, rng);
  candidates.resize(std::min<std::size_t>(candidates.size(), parts - 1));
  std::sort(candidates.begin(), candidates.end());
  std::vector<std::vector<int>> out(1);
  int next = 0;
  for (int k = 0; k < n; ++k) {
    if (next < static_cast<int>(candidates.size()) && k == candidates[next]) {
      out.emplace_back();
      ++next;
    }
    out.back().push_back(k);
  }
  return out;
}

Rational row_value(const Row& row, const Point& p) {
  Rational s = 0;
  for (const auto& [c, a] : row.coef)
    if (std::binary_search(p.begin(), p.end(), c)) s += a;
  return s;
}

}  // namespace

DecomposeInstance generate_pseudo_market(std::uint64_t seed, const PseudoMarketGenOptions& o) {
  if (o.task != "decompose")
    throw std::invalid_argument("--task must be decompose (the equilibrium task is not implemented yet)");
  if (o.kind != "assignment" && o.kind != "bundles")
    throw std::invalid_argument("--kind must be assignment or bundles");
  if (o.agents < 1 || o.agents > 1000) throw std::invalid_argument("--agents must be in 1..1000");
  if (o.objects < 1 || o.objects > 1000) throw std::invalid_argument("--objects must be in 1..1000");
  if (o.points < 0 || o.points > 100000) throw std::invalid_argument("--points must be in 0..100000");
  if (o.kind == "bundles" && o.objects > 62)
    throw std::invalid_argument("--objects must be at most 62 for bundles");
  Random rng(seed);
  const int n = o.agents, m = o.objects;
  DecomposeInstance in;
  in.kind = o.kind == "bundles" ? Kind::Bundles : Kind::Assignment;
  in.name = "random-" + o.kind + (o.bihierarchy ? "-bihierarchy" : "") + (o.violate ? "-violate" : "") + "-" +
            std::to_string(seed);
  for (int i = 0; i < n; ++i) in.agents.push_back({std::to_string(i + 1), std::nullopt});
  for (int l = 0; l < m; ++l) in.objects.push_back({object_name(l, m), Integer(rng.uniform_int(1, 2))});

  std::vector<std::vector<std::pair<Bundle, Rational>>> listed(n);
  if (in.kind == Kind::Assignment) {
    for (int i = 0; i < n; ++i)
      in.constraints.push_back(selection("row-" + in.agents[i].name, std::vector<int>{i}, std::nullopt,
                                         Integer(rng.uniform_int(1, 2))));
    if (o.bihierarchy) {
      for (int i = 0; i < n; ++i)
        if (m >= 2 && rng.bernoulli(1, 2))
          in.constraints.push_back(selection("sub-row-" + in.agents[i].name, std::vector<int>{i},
                                             random_subset(m, 2, m, rng), Integer(1)));
      if (n >= 2) {
        int g = 0;
        for (const auto& group : blocks(n, 2, rng))
          in.constraints.push_back(
              selection("agents-" + std::to_string(++g), group, std::nullopt,
                        Integer(rng.uniform_int(1, static_cast<std::int64_t>(group.size()) + 1))));
      }
      int region = 0;
      for (const auto& objs : blocks(m, std::max(1, m / 3), rng)) {
        std::int64_t supply = 0;
        for (int l : objs) supply += in.objects[l].supply.convert_to<std::int64_t>();
        in.constraints.push_back(selection("region-" + std::to_string(++region), std::nullopt, objs,
                                           Integer(rng.uniform_int(1, supply))));
      }
    } else {
      const int extra = static_cast<int>(rng.uniform_int(1, 3));
      for (int k = 0; k < extra; ++k)
        in.constraints.push_back(selection("cap-" + std::to_string(k + 1), random_subset(n, 1, n, rng),
                                           random_subset(m, 1, m, rng), Integer(rng.uniform_int(1, 3))));
      UserConstraint w;
      w.name = "weighted";
      w.by_cells = true;
      for (int c : random_subset(n * m, 2, std::min(4, n * m), rng))
        w.cells.push_back({c / m, c % m, Rational(rng.uniform_int(1, 2))});
      w.ceiling = Integer(rng.uniform_int(1, 3));
      in.constraints.push_back(std::move(w));
    }
  } else {
    for (int i = 0; i < n; ++i) {
      std::map<Bundle, bool> seen;
      const int k = static_cast<int>(rng.uniform_int(1, 3));
      for (int t = 0; t < k; ++t) {
        Bundle b = random_subset(m, 1, o.bihierarchy ? 1 : 3, rng);
        if (seen.emplace(b, true).second) listed[i].emplace_back(std::move(b), Rational(0));
      }
    }
    if (!o.bihierarchy && n >= 2)
      in.constraints.push_back(selection("group-goods", random_subset(n, 2, n, rng), std::nullopt,
                                         Integer(rng.uniform_int(1, 3))));
  }
  finish(in, {}, listed);

  // Integral feasible points, greedily in random order (ceilings only; floors come after).
  std::vector<std::vector<std::pair<int, Rational>>> rows_of_cell(in.num_cells());  // (row, coefficient)
  for (int r = 0; r < static_cast<int>(in.rows.size()); ++r)
    if (in.rows[r].origin != RowOrigin::AgentRow && in.rows[r].ceiling)
      for (const auto& [c, a] : in.rows[r].coef) rows_of_cell[c].emplace_back(r, a);
  const int K = o.points > 0 ? o.points : std::max(n, m);
  std::vector<Point> points;
  for (int k = 0; k < K; ++k) {
    std::vector<Rational> load(in.rows.size(), Rational(0));
    auto fits = [&](int c) {
      for (const auto& [r, a] : rows_of_cell[c])
        if (load[r] + a > *in.rows[r].ceiling) return false;
      return true;
    };
    auto take = [&](int c, Point& p) {
      for (const auto& [r, a] : rows_of_cell[c]) load[r] += a;
      p.push_back(c);
    };
    Point p;
    if (in.kind == Kind::Assignment) {
      std::vector<int> order(in.num_cells());
      for (int c = 0; c < in.num_cells(); ++c) order[c] = c;
      shuffle(order, rng);
      for (int c : order)
        if (fits(c)) take(c, p);
    } else {
      std::vector<int> agents(n);
      for (int i = 0; i < n; ++i) agents[i] = i;
      shuffle(agents, rng);
      for (int i : agents) {
        std::vector<int> options;
        for (int c = in.agent_begin[i] + 1; c < in.agent_begin[i + 1]; ++c) options.push_back(c);
        shuffle(options, rng);
        int chosen = in.agent_begin[i];  // ∅
        for (int c : options)
          if (rng.bernoulli(3, 4) && fits(c)) {
            chosen = c;
            break;
          }
        take(chosen, p);
      }
    }
    std::sort(p.begin(), p.end());
    points.push_back(std::move(p));
  }
  // Floors met by every point.
  for (int r = 0; r < static_cast<int>(in.rows.size()); ++r) {
    if (in.rows[r].origin != RowOrigin::User || !rng.bernoulli(1, 3)) continue;
    Rational low = row_value(in.rows[r], points[0]);
    for (const Point& p : points) low = std::min(low, row_value(in.rows[r], p));
    in.constraints[in.rows[r].source].floor = boost::multiprecision::numerator(low);  // integer coefficients
  }
  // The mixture.
  std::vector<Rational> x(in.num_cells(), Rational(0));
  std::vector<Rational> weight(K);
  Rational total = 0;
  for (auto& w : weight) total += (w = Rational(rng.uniform_int(1, 9)));
  for (int k = 0; k < K; ++k)
    for (int c : points[k]) x[c] += weight[k] / total;
  std::vector<Rational> dense_x;
  if (in.kind == Kind::Assignment)
    dense_x = x;
  else
    for (int i = 0; i < n; ++i)
      for (auto& [b, p] : listed[i]) p = x[in.bundle_cell(i, b)];
  finish(in, dense_x, listed);

  if (o.violate) {
    // An agent i and the expected number of copies it holds; either a ceiling ⌈held⌉ − 1 < held
    // (when it holds something) or a floor ⌊held⌋ + 1 > held on the copies it holds.
    std::vector<Rational> held(n, Rational(0));
    for (int c = 0; c < in.num_cells(); ++c) {
      const int copies = in.kind == Kind::Assignment ? 1 : static_cast<int>(in.cells[c].bundle.size());
      held[in.cells[c].agent] += copies * in.x[c];
    }
    const int i = static_cast<int>(rng.uniform_int(0, n - 1));
    const Integer down =
        boost::multiprecision::numerator(held[i]) / boost::multiprecision::denominator(held[i]);
    const bool cut_ceiling = held[i] > 0 && rng.bernoulli(1, 2);
    const Integer ceiling = Rational(down) == held[i] ? Integer(down - 1) : down;  // ⌈held⌉ − 1
    const Integer floor = down + 1;                                                // ⌊held⌋ + 1
    if (in.kind == Kind::Assignment) {
      UserConstraint& row = in.constraints[i];  // row-i
      if (cut_ceiling) {
        row.ceiling = ceiling;
        row.floor = std::min(row.floor, ceiling);
      } else {
        row.floor = floor;
        row.ceiling = std::max(*row.ceiling, floor);
      }
    } else {
      UserConstraint cut = selection("cut-" + in.agents[i].name, std::vector<int>{i}, std::nullopt, ceiling);
      if (!cut_ceiling) {
        cut.ceiling = std::nullopt;
        cut.floor = floor;
      }
      in.constraints.push_back(std::move(cut));
    }
    finish(in, dense_x, listed);
  }
  return in;
}

}  // namespace equilab::gen
