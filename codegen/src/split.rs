//! `generate --crate DIR --parts N`: the models of a big spec as several crates, so rustc checks
//! each part on its own (less memory per process) and cargo builds independent parts side by side.
//!
//! Crates cannot depend on each other in a cycle, so types that refer to one another in a cycle
//! (strongly connected components of the reference graph) stay together, and the parts follow a
//! topological order of those components: a part depends only on parts before it. The order is cut
//! where the code reaches each `1/N` of its size, so parts are about the same size. Everything is
//! decided by the model and the code alone, in the model's order, so the same input gives the same
//! parts.

use crate::ir::Model;

/// The parts of a model: for each type, the part it goes in (`0..parts`), and for each part, the
/// earlier parts its types refer to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partition {
    /// The part of each type, by [`TypeId`](crate::ir::TypeId).
    pub part_of: Vec<usize>,
    /// For each part, the parts it refers to, in order (always earlier ones).
    pub needs: Vec<Vec<usize>>,
}

/// Splits `model`'s types into at most `parts` parts of about the same code size (`sizes[i]` is the
/// size of type `i`'s code), each referring only to parts before it. Fewer parts come out when the
/// components do not allow as many (a model whose types all refer to one another is one part).
pub fn partition(model: &Model, sizes: &[usize], parts: usize) -> Partition {
    let n = model.types.len();
    let refs: Vec<Vec<usize>> = model
        .types
        .iter()
        .map(|def| {
            let mut out = Vec::new();
            for r in crate::rust::direct_refs(def) {
                crate::select::named_in(r, &mut out);
            }
            out.into_iter().map(|id| id.0).filter(|&i| i < n).collect()
        })
        .collect();
    let components = components(&refs);
    let total: usize = sizes.iter().sum::<usize>().max(1);
    let parts = parts.max(1);
    let mut part_of = vec![0; n];
    let (mut part, mut done) = (0, 0);
    for component in &components {
        // A new part starts once the code so far reaches the next share of the total.
        if part + 1 < parts && done * parts >= total * (part + 1) {
            part += 1;
        }
        for &i in component {
            part_of[i] = part;
            done += sizes.get(i).copied().unwrap_or(0);
        }
    }
    let mut needs = vec![Vec::new(); part + 1];
    for (i, targets) in refs.iter().enumerate() {
        for &j in targets {
            let (from, to) = (part_of[i], part_of[j]);
            if from != to && !needs[from].contains(&to) {
                needs[from].push(to);
            }
        }
    }
    for list in &mut needs {
        list.sort_unstable();
    }
    Partition { part_of, needs }
}

/// The strongly connected components of the graph `refs` (an edge from each node to each node it
/// refers to), each sorted, in an order where a component comes after every component it refers to.
fn components(refs: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let component = crate::rust::components(refs);
    let count = component.iter().map(|&c| c + 1).max().unwrap_or(0);
    let mut out = vec![Vec::new(); count];
    // Nodes in order, so each component's members are sorted.
    for (node, &c) in component.iter().enumerate() {
        out[c].push(node);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::components;

    #[test]
    fn components_come_after_what_they_refer_to() {
        // 0 -> 1 -> 2 -> 1 (a cycle), 3 -> 0, 4 alone, 5 -> 5.
        let refs = vec![vec![1], vec![2], vec![1], vec![0], vec![], vec![5]];
        let found = components(&refs);
        assert_eq!(found, vec![vec![1, 2], vec![0], vec![3], vec![4], vec![5]]);
    }

    #[test]
    fn deep_chains_need_no_recursion() {
        let n = 200_000;
        let refs: Vec<Vec<usize>> = (0..n)
            .map(|i| if i + 1 < n { vec![i + 1] } else { vec![0] })
            .collect();
        assert_eq!(components(&refs).len(), 1);
    }
}
