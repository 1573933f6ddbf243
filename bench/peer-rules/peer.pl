% The two peer rules in Prolog. Make facts.pl from the TSV files first:
%   awk -F'\t' '{printf "investment(%c%s%c,%c%s%c).\n",39,$1,39,39,$2,39}' Investment.facts  > facts.pl
%   awk -F'\t' '{printf "cloud_spend(%c%s%c,%c%s%c).\n",39,$1,39,39,$2,39}' CloudSpend.facts >> facts.pl
%   awk -F'\t' '{printf "competes(%c%s%c,%c%s%c).\n",39,$1,39,39,$2,39}' Competes.facts    >> facts.pl
% then: swipl -g "consult('facts.pl'), main, halt" peer.pl
circular_deal(X, L) :- investment(X, L), cloud_spend(L, X).
hedged_bet(X) :- investment(X, A), competes(A, B), investment(X, B).

main :-
    aggregate_all(count, distinct(X-L, circular_deal(X, L)), Circular),
    aggregate_all(count, distinct(X, hedged_bet(X)), Hedged),
    format("CircularDeal ~d~nHedgedBet ~d~n", [Circular, Hedged]).
