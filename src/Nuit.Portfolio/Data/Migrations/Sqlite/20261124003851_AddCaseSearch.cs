using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nuit.Portfolio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCaseSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text index over cases (rowid = Cases.Id), kept by CaseSearchIndex. Diacritics are kept:
            // æ, ø and å are Norwegian letters, not accented a and o.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE CaseSearch USING fts5(Title, Body, tokenize = 'unicode61 remove_diacritics 0');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE CaseSearch;");
        }
    }
}
