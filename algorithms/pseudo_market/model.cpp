#include "pseudo_market/model.h"

#include <algorithm>
#include <map>

namespace equilab::pseudo_market {

const char* to_string(Kind kind) { return kind == Kind::Assignment ? "assignment" : "bundles"; }

bool Row::zero_one() const {
  for (const auto& [c, a] : coef)
    if (a != 1) return false;
  return true;
}

int DecomposeInstance::bundle_cell(int agent, const Bundle& bundle) const {
  for (int c = agent_begin[agent]; c < agent_begin[agent + 1]; ++c)
    if (cells[c].bundle == bundle) return c;
  return -1;
}

std::string DecomposeInstance::bundle_key(const Bundle& b) const {
  std::string key;
  for (std::size_t k = 0; k < b.size(); ++k) key += (k ? "+" : "") + objects[b[k]].name;
  return key;
}

std::string DecomposeInstance::row_label(int r) const {
  const Row& row = rows[r];
  switch (row.origin) {
    case RowOrigin::Supply:
      return "supply of \"" + objects[row.source].name + "\"";
    case RowOrigin::AgentRow:
      return "one bundle per agent for \"" + agents[row.source].name + "\"";
    case RowOrigin::User:
      break;
  }
  return "constraint \"" + constraints[row.source].name + "\"";
}

std::string DecomposeInstance::cell_label(int c) const {
  const Cell& cell = cells[c];
  if (kind == Kind::Assignment)
    return "(agent \"" + agents[cell.agent].name + "\", object \"" + objects[cell.object].name + "\")";
  return "(agent \"" + agents[cell.agent].name + "\", bundle \"" + bundle_key(cell.bundle) + "\")";
}

namespace {

void add_row(DecomposeInstance& in, RowOrigin origin, int source, std::map<int, Rational> coef,
             Rational floor, std::optional<Rational> ceiling) {
  Row row;
  row.origin = origin;
  row.source = source;
  for (auto& [c, a] : coef)
    if (a != 0) row.coef.emplace_back(c, std::move(a));
  row.floor = std::move(floor);
  row.ceiling = std::move(ceiling);
  in.rows.push_back(std::move(row));
}

}  // namespace

void finish(DecomposeInstance& in, const std::vector<Rational>& dense_assignment,
            const std::vector<std::vector<std::pair<Bundle, Rational>>>& listed_bundles) {
  const int n = in.num_agents(), L = in.num_objects();
  in.cells.clear();
  in.agent_begin.assign(1, 0);
  in.x.clear();
  in.rows.clear();
  if (in.kind == Kind::Assignment) {
    for (int i = 0; i < n; ++i) {
      for (int l = 0; l < L; ++l) {
        in.cells.push_back(Cell{i, l, {}});
        in.x.push_back(dense_assignment.empty() ? Rational(0) : dense_assignment[i * L + l]);
      }
      in.agent_begin.push_back(static_cast<int>(in.cells.size()));
    }
  } else {
    for (int i = 0; i < n; ++i) {
      Rational rest = 1;
      in.cells.push_back(Cell{i, -1, {}});
      in.x.push_back(0);
      const std::size_t empty_cell = in.x.size() - 1;
      if (i < static_cast<int>(listed_bundles.size()))
        for (const auto& [b, p] : listed_bundles[i]) {
          if (b.empty()) continue;
          in.cells.push_back(Cell{i, -1, b});
          in.x.push_back(p);
          rest -= p;
        }
      if (rest < 0)
        throw std::invalid_argument("the bundle probabilities of agent \"" + in.agents[i].name +
                                    "\" sum to " + equilab::to_string(1 - rest) + " > 1");
      in.x[empty_cell] = rest;
      in.agent_begin.push_back(static_cast<int>(in.cells.size()));
    }
  }
  // Copies of good l in cell c.
  auto count = [&](int c, int l) -> int {
    const Cell& cell = in.cells[c];
    if (in.kind == Kind::Assignment) return cell.object == l ? 1 : 0;
    return std::binary_search(cell.bundle.begin(), cell.bundle.end(), l) ? 1 : 0;
  };
  // cells holding a copy of each object
  std::vector<std::vector<int>> holders(L);
  for (int c = 0; c < in.num_cells(); ++c) {
    if (in.kind == Kind::Assignment)
      holders[in.cells[c].object].push_back(c);
    else
      for (int l : in.cells[c].bundle) holders[l].push_back(c);
  }
  for (int l = 0; l < L; ++l) {
    std::map<int, Rational> coef;
    for (int c : holders[l]) coef.emplace_hint(coef.end(), c, Rational(1));
    add_row(in, RowOrigin::Supply, l, std::move(coef), 0, Rational(in.objects[l].supply));
  }
  if (in.kind == Kind::Bundles)
    for (int i = 0; i < n; ++i) {
      std::map<int, Rational> coef;
      for (int c = in.agent_begin[i]; c < in.agent_begin[i + 1]; ++c) coef[c] = 1;
      add_row(in, RowOrigin::AgentRow, i, std::move(coef), 1, Rational(1));
    }
  for (int k = 0; k < static_cast<int>(in.constraints.size()); ++k) {
    const UserConstraint& uc = in.constraints[k];
    // coefficient per (agent, object) pair
    std::map<std::pair<int, int>, Rational> pair_coef;
    if (uc.by_cells) {
      for (const auto& e : uc.cells) pair_coef[{e.agent, e.object}] += e.coef;
    } else {
      std::vector<int> as, os;
      if (uc.agents)
        as = *uc.agents;
      else
        for (int i = 0; i < n; ++i) as.push_back(i);
      if (uc.objects)
        os = *uc.objects;
      else
        for (int l = 0; l < L; ++l) os.push_back(l);
      for (int i : as)
        for (int l : os) pair_coef[{i, l}] += 1;
    }
    std::map<int, Rational> coef;
    for (const auto& [pr, a] : pair_coef) {
      const auto [i, l] = pr;
      if (in.kind == Kind::Assignment) {
        coef[in.cell_of(i, l)] += a;
        continue;
      }
      for (int c = in.agent_begin[i]; c < in.agent_begin[i + 1]; ++c)
        if (count(c, l)) coef[c] += a;
    }
    std::optional<Rational> ceiling;
    if (uc.ceiling) ceiling = Rational(*uc.ceiling);
    add_row(in, RowOrigin::User, k, std::move(coef), Rational(uc.floor), std::move(ceiling));
  }
}

namespace {

Rational dot(const Row& row, const std::vector<Rational>& point) {
  Rational s = 0;
  for (const auto& [c, a] : row.coef) s += a * point[c];
  return s;
}

}  // namespace

std::optional<QuotaViolation> first_violation(const DecomposeInstance& in,
                                              const std::vector<Rational>& point) {
  const int nc = in.num_cells();
  for (int c = 0; c < nc; ++c)
    if (point[c] > 1) {
      QuotaViolation v;
      v.label = "the cell bound " + in.cell_label(c) + " <= 1";
      v.weights.assign(nc, Rational(0));
      v.weights[c] = 1;
      v.bound = 1;
      v.value = point[c];
      return v;
    }
  for (int r = 0; r < static_cast<int>(in.rows.size()); ++r) {
    const Row& row = in.rows[r];
    const Rational s = dot(row, point);
    if (row.ceiling && s > *row.ceiling) {
      QuotaViolation v;
      v.label = "the ceiling " + equilab::to_string(*row.ceiling) + " of " + in.row_label(r);
      v.weights.assign(nc, Rational(0));
      for (const auto& [c, a] : row.coef) v.weights[c] = a;
      v.bound = *row.ceiling;
      v.value = s;
      return v;
    }
    if (s < row.floor) {
      QuotaViolation v;
      v.label = "the floor " + equilab::to_string(row.floor) + " of " + in.row_label(r);
      v.weights.assign(nc, Rational(0));
      for (const auto& [c, a] : row.coef) v.weights[c] = -a;
      v.bound = -row.floor;
      v.value = -s;
      return v;
    }
  }
  return std::nullopt;
}

bool is_feasible_point(const DecomposeInstance& in, const std::vector<Rational>& point, std::string* why) {
  for (int c = 0; c < in.num_cells(); ++c)
    if (point[c] != 0 && point[c] != 1) {
      if (why)
        *why = "the entry of " + in.cell_label(c) + " is " + equilab::to_string(point[c]) + ", not 0 or 1";
      return false;
    }
  if (auto v = first_violation(in, point)) {
    if (why) *why = "it breaks " + v->label;
    return false;
  }
  return true;
}

std::vector<Rational> dense(const DecomposeInstance& in, const Point& p) {
  std::vector<Rational> y(in.num_cells(), Rational(0));
  for (int c : p) y[c] = 1;
  return y;
}

namespace {

// The enumeration of Y₊: per-agent candidates, then a depth-first product with pruning.
struct Enumerator {
  const DecomposeInstance& in;
  const std::vector<bool>& allowed;
  std::uint64_t limit;
  std::vector<int> row_owner;                  // agent of an individual row, −1 for shared rows
  std::vector<std::vector<Point>> candidates;  // per agent
  std::vector<std::vector<std::vector<std::pair<int, Rational>>>>
      contrib;  // per agent, candidate: (shared row, a·y_i)

  Enumerator(const DecomposeInstance& instance, const std::vector<bool>& allow, std::uint64_t lim)
      : in(instance), allowed(allow), limit(lim) {
    row_owner.assign(in.rows.size(), -1);
    for (std::size_t r = 0; r < in.rows.size(); ++r) {
      int owner = -2;
      for (const auto& [c, a] : in.rows[r].coef) {
        const int i = in.cells[c].agent;
        owner = owner == -2 ? i : (owner == i ? i : -1);
      }
      row_owner[r] = owner == -2 ? -1 : owner;  // an empty row is treated as shared
    }
  }

  // The candidate rows y_i of agent i that satisfy i's individual rows.
  std::vector<Point> agent_candidates(int i) const {
    std::vector<int> free;
    for (int c = in.agent_begin[i]; c < in.agent_begin[i + 1]; ++c)
      if (allowed[c]) free.push_back(c);
    std::vector<Point> raw;
    if (in.kind == Kind::Bundles) {
      for (int c : free) raw.push_back(Point{c});
    } else {
      if (free.size() > 30 || (std::uint64_t{1} << free.size()) > limit)
        throw EnumerationLimit("agent \"" + in.agents[i].name + "\" has " + std::to_string(free.size()) +
                               " free cells: 2^" + std::to_string(free.size()) +
                               " candidate rows exceed the enumeration limit " + std::to_string(limit) +
                               "; raise it with --max-enumeration");
      for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << free.size()); ++mask) {
        Point p;
        for (std::size_t k = 0; k < free.size(); ++k)
          if (mask >> k & 1) p.push_back(free[k]);
        raw.push_back(std::move(p));
      }
    }
    std::vector<Point> out;
    for (Point& p : raw) {
      bool ok = true;
      for (std::size_t r = 0; r < in.rows.size() && ok; ++r) {
        if (row_owner[r] != i) continue;
        const Row& row = in.rows[r];
        Rational s = 0;
        for (const auto& [c, a] : row.coef)
          if (std::binary_search(p.begin(), p.end(), c)) s += a;
        ok = s >= row.floor && (!row.ceiling || s <= *row.ceiling);
      }
      if (ok) out.push_back(std::move(p));
    }
    return out;
  }

  std::uint64_t prepare() {
    std::uint64_t bound = 1;
    candidates.clear();
    for (int i = 0; i < in.num_agents(); ++i) {
      candidates.push_back(agent_candidates(i));
      const std::uint64_t k = candidates.back().size();
      if (k == 0) return 0;
      if (bound > limit / k + 1)
        bound = limit + 1;
      else
        bound *= k;
      if (bound > limit) bound = limit + 1;
    }
    return bound;
  }

  std::vector<Point> run() {
    const std::uint64_t bound = prepare();
    if (bound > limit)
      throw EnumerationLimit(
          "integral feasible points: the product of the agents' candidate rows exceeds the "
          "enumeration limit " +
          std::to_string(limit) + "; raise it with --max-enumeration");
    std::vector<Point> out;
    if (bound == 0) return out;
    const int n = in.num_agents();
    std::vector<int> shared;
    std::vector<int> shared_index(in.rows.size(), -1);
    for (std::size_t r = 0; r < in.rows.size(); ++r)
      if (row_owner[r] < 0) {
        shared_index[r] = static_cast<int>(shared.size());
        shared.push_back(static_cast<int>(r));
      }
    const int ns = static_cast<int>(shared.size());
    // contribution of each candidate to each shared row; the best remaining contribution per row
    contrib.assign(n, {});
    std::vector<std::vector<Rational>> max_rest(n + 1, std::vector<Rational>(ns, Rational(0)));
    for (int i = n - 1; i >= 0; --i) {
      std::vector<Rational> best(ns, Rational(0));
      for (const Point& p : candidates[i]) {
        std::map<int, Rational> s;
        for (int r : shared)
          for (const auto& [c, a] : in.rows[r].coef)
            if (in.cells[c].agent == i && std::binary_search(p.begin(), p.end(), c)) s[shared_index[r]] += a;
        std::vector<std::pair<int, Rational>> v(s.begin(), s.end());
        for (const auto& [k, a] : v) best[k] = std::max(best[k], a);
        contrib[i].push_back(std::move(v));
      }
      for (int k = 0; k < ns; ++k) max_rest[i][k] = max_rest[i + 1][k] + best[k];
    }
    std::vector<Rational> partial(ns, Rational(0));
    std::vector<int> choice(n, 0);
    std::uint64_t visited = 0;
    const std::uint64_t max_visits = limit * 16 + 1024;
    // depth-first over agents
    auto recurse = [&](auto&& self, int i) -> void {
      if (++visited > max_visits)
        throw EnumerationLimit(
            "the search for integral feasible points visited more than " + std::to_string(max_visits) +
            " partial assignments (16 × the enumeration limit); raise it with --max-enumeration");
      if (i == n) {
        Point p;
        for (int k = 0; k < n; ++k)
          p.insert(p.end(), candidates[k][choice[k]].begin(), candidates[k][choice[k]].end());
        std::sort(p.begin(), p.end());
        out.push_back(std::move(p));
        if (out.size() > limit)
          throw EnumerationLimit(
              "more than " + std::to_string(limit) +
              " integral feasible points exceed the enumeration limit; raise it with --max-enumeration");
        return;
      }
      for (int k = 0; k < static_cast<int>(candidates[i].size()); ++k) {
        for (const auto& [s, a] : contrib[i][k]) partial[s] += a;
        bool ok = true;
        for (int s = 0; s < ns && ok; ++s) {
          const Row& row = in.rows[shared[s]];
          if (row.ceiling && partial[s] > *row.ceiling)
            ok = false;
          else if (partial[s] + max_rest[i + 1][s] < row.floor)
            ok = false;
        }
        if (ok) {
          choice[i] = k;
          self(self, i + 1);
        }
        for (const auto& [s, a] : contrib[i][k]) partial[s] -= a;
      }
    };
    recurse(recurse, 0);
    return out;
  }
};

}  // namespace

std::uint64_t point_count_bound(const DecomposeInstance& in, const std::vector<bool>& allowed,
                                std::uint64_t limit) {
  Enumerator e(in, allowed, limit);
  return e.prepare();
}

std::vector<Point> enumerate_points(const DecomposeInstance& in, const std::vector<bool>& allowed,
                                    std::uint64_t limit) {
  Enumerator e(in, allowed, limit);
  return e.run();
}

}  // namespace equilab::pseudo_market
