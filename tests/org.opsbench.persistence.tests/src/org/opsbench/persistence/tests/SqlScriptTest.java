package org.opsbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opsbench.persistence.internal.SqlScript;
import org.opsbench.persistence.internal.SqlScript.Statement;

/** Splitting migration scripts into statements (plain logic). */
class SqlScriptTest {

    @Test
    void statementsEndWithSemicolonAtLineEndAndKeepTheirStartLine() {
        List<Statement> statements = SqlScript.split("""
                -- header comment

                CREATE TABLE A (
                    ID INT -- the key
                );
                INSERT INTO A VALUES (1); -- trailing comment
                INSERT INTO A VALUES (2)""");
        assertEquals(List.of(new Statement(3, "CREATE TABLE A (\n    ID INT \n)"),
                new Statement(6, "INSERT INTO A VALUES (1)"), new Statement(7, "INSERT INTO A VALUES (2)")),
                statements);
    }

    @Test
    void semicolonsAndDashesInsideQuotesAreText() {
        List<Statement> statements = SqlScript.split("INSERT INTO N VALUES ('a;\n-- not a comment;');\nVALUES 1;");
        assertEquals(2, statements.size());
        assertEquals("INSERT INTO N VALUES ('a;\n-- not a comment;')", statements.get(0).sql());
        assertEquals(3, statements.get(1).line());
    }

    @Test
    void windowsLineEndsAndBlankScriptsAreHandled() {
        assertEquals(List.of(new Statement(2, "VALUES 1")), SqlScript.split("-- only\r\nVALUES 1;\r\n"));
        assertEquals(List.of(), SqlScript.split("-- nothing but comments\n\n"));
    }
}
