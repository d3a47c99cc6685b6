using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Nuit.Portfolio.Data;

/// <summary>
/// A query compiled once (<c>EF.CompileAsyncQuery</c>: no LINQ translation or cache lookup per call) for a hot path
/// (issue 18). A compiled plan is bound to the model it was compiled against, and the SQLite and PostgreSQL contexts
/// have one model each (a process normally uses one; the test suite uses both), so there is one plan per model.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> _plans = new();

    public TQuery For(DbContext db) => _plans.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
}
