package dev.pitfall.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The value-kind facts the pandas rules added to the model, each shown on the code that needs it. */
class PandasValueKindsTest {
    /** The kind of the last load of {@code id} on the last line of {@code code}. */
    private static ValueKind kindAtEnd(String code, String id) {
        SemanticModel model = ModelFixtures.model(code);
        return model.kindOf(ModelFixtures.load(model, id, model.source().lineCount()));
    }

    @Test
    void aComprehensionsFirstIterableSeesTheEnclosingDefinitions() {
        assertEquals(ValueKind.DATAFRAME, kindAtEnd(
                "import pandas as pd\ndf = pd.read_csv('a.csv')\nrows = [i for i in range(len(df))]\n", "df"));
    }

    @Test
    void readerOptionsThatDoNotReturnOneFrame() {
        assertEquals(ValueKind.UNKNOWN, kindAtEnd(
                "import pandas as pd\nbook = pd.read_excel('b.xlsx', sheet_name=None)\nbook\n", "book"));
        assertEquals(ValueKind.UNKNOWN, kindAtEnd(
                "import pandas as pd\nparts = pd.read_csv('b.csv', chunksize=100)\nparts\n", "parts"));
        assertEquals(ValueKind.DATAFRAME, kindAtEnd(
                "import pandas as pd\nsheet = pd.read_excel('b.xlsx', sheet_name='data')\nsheet\n", "sheet"));
        assertEquals(ValueKind.LIST, kindAtEnd(
                "import pandas as pd\ntables = pd.read_html('t.html')\ntables\n", "tables"));
        assertEquals(ValueKind.UNKNOWN, kindAtEnd(
                "import pandas as pd\nstored = pd.read_pickle('s.pkl')\nstored\n", "stored"));
    }

    @Test
    void aLoopOverANamedListOfFramesGivesFrames() {
        assertEquals(ValueKind.DATAFRAME, kindAtEnd("import pandas as pd\ntrain = pd.read_csv('t.csv')\n"
                + "test = pd.read_csv('u.csv')\ncombine = [train, test]\nfor dataset in combine:\n    dataset\n",
                "dataset"));
    }

    @Test
    void aSameFileFunctionReturnsWhatItsReturnsAgreeOn() {
        String loader = "import pandas as pd\ndef load(path):\n    frame = pd.read_csv(path)\n    return frame.dropna()\n";
        assertEquals(ValueKind.DATAFRAME, kindAtEnd(loader + "data = load('x.csv')\ndata\n", "data"));
        String mixed = "import pandas as pd\ndef load(path):\n    if path:\n        return pd.read_csv(path)\n"
                + "    return None\n";
        assertEquals(ValueKind.UNKNOWN, kindAtEnd(mixed + "data = load('x.csv')\ndata\n", "data"));
        String generator = "import pandas as pd\ndef load(path):\n    yield pd.read_csv(path)\n    return pd.read_csv(path)\n";
        assertEquals(ValueKind.UNKNOWN, kindAtEnd(generator + "data = load('x.csv')\ndata\n", "data"));
    }

    @Test
    void aParameterThatIsMergedIsAFrame() {
        assertEquals(ValueKind.DATAFRAME, kindAtEnd(
                "def enrich(frame, other):\n    joined = frame.merge(other)\n    frame\n", "frame"));
    }

    @Test
    void selfAndClsAreTheirClassWhateverTheyAreUsedFor() {
        String method = "class Table:\n    def widths(self):\n        merged = self.merge(self.columns)\n        self\n";
        assertEquals(ValueKind.UNKNOWN, kindAtEnd(method, "self"));
        String classMethod = "class Table:\n    @classmethod\n    def of(cls):\n        cls.merge(cls.columns)\n        cls\n";
        assertEquals(ValueKind.UNKNOWN, kindAtEnd(classMethod, "cls"));
        String staticMethod = "class Table:\n    @staticmethod\n    def enrich(frame, other):\n"
                + "        joined = frame.merge(other)\n        frame\n";
        assertEquals(ValueKind.DATAFRAME, kindAtEnd(staticMethod, "frame"));
        String secondParameter = "class Table:\n    def enrich(self, frame):\n        joined = frame.merge(self)\n        frame\n";
        assertEquals(ValueKind.DATAFRAME, kindAtEnd(secondParameter, "frame"));
    }
}
